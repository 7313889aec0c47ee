Feature: Emergency livelihood support (긴급복지 생계지원)
  Emergency Welfare Support Act (긴급복지지원법), Articles 2, 3, 5, 9 and 10.

  A household in a crisis (위기상황: loss of the main earner, serious illness or injury, business
  closure, job loss, utility cut-off …) receives short-term livelihood support (3 months, up to 6
  after review) when its income is at or below 75% of the standard median income (기준 중위소득),
  its property is within the cap for its region, its financial assets are within one month's
  median income + 6,000,000, and it does not already receive the same kind of support under
  another law (the BLSA livelihood benefit). The support amount is set by ministerial notice and
  is not modelled.

  Income line (75%), won per month:  1 person: 1,794,010 (2025), 1,923,179 (2026)
  Property cap: metropolis 241,000,000, city 152,000,000, rural area 130,000,000
  Financial-asset cap:               1 person: 8,392,013 (2025), 8,564,238 (2026)

  Background: a household in Jongno-gu, Seoul (서울 종로구, a metropolis), whose members have no
    income, property, car or obligatory provider unless the scenario says otherwise
    Given the household "h" has:
      | sigungu_code               | 11110 |
      | has_spouse                 | no    |
      | earned_income_monthly      | 0     |
      | business_income_monthly    | 0     |
      | daily_work_income_monthly  | 0     |
      | other_income_monthly       | 0     |
      | national_pension_monthly   | 0     |
      | national_pension_a_monthly | 0     |
      | occupational_pension       | no    |
      | home_value                 | 0     |
      | lease_deposit              | 0     |
      | other_real_estate          | 0     |
      | financial_assets           | 0     |
      | debts                      | 0     |
      | vehicle_value              | 0     |
      | vehicle_cc                 | 0     |
      | vehicle_age_years          | 0     |
      | provider_count             | 0     |
      | provider_max_annual_income | 0     |
      | provider_max_property      | 0     |

  Rule: [crisis] The household is in a crisis situation: loss of the main earner, serious illness or injury, business closure, job loss or utility cut-off (Article 2)

    Scenario Outline: Each recorded crisis signal opens the support
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | <signal> |
        | kim | head             | 1976-05-10 | 1,500,000            | yes      |
      When the rules are evaluated
      Then criterion crisis of emergency_livelihood is true for person "kim"
      And person "kim" is eligible for emergency_livelihood
      And the emergency_livelihood amount of person "kim" is none

      Examples:
        | signal                  |
        | crisis_main_earner_loss |
        | crisis_serious_illness  |
        | crisis_business_closure |
        | crisis_job_loss         |
        | crisis_utility_cutoff   |

    Scenario: Without a crisis there is no emergency support
      The crisis registry lists recorded events only: absence means none was recorded.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1976-05-10 | 1,500,000            |
      When the rules are evaluated
      Then criterion crisis of emergency_livelihood is false for person "kim"
      And person "kim" is ineligible for emergency_livelihood

    Scenario Outline: A lodger's crisis is not the household's (people sharing livelihood and residence)
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | crisis_job_loss |
        | kim | head             | 1976-05-10 | 1,500,000            | no              |
        | lee | <relation>       | 1980-01-01 | 0                    | yes             |
      When the rules are evaluated
      Then criterion crisis of emergency_livelihood is <met> for person "kim"
      And person "kim" is <status> for emergency_livelihood

      Examples:
        | relation | met   | status     |
        | lodger   | false | ineligible |
        | sibling  | true  | eligible   |

  Rule: [income] The household's income is at or below 75% of the median income for its size (Article 5)

    Scenario Outline: A person who lost his job, 1 won under, at and 1 won over the line of 2025 and of 2026
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | crisis_job_loss |
        | kim | head             | 1976-05-10 | <income>             | yes             |
      When the rules are evaluated
      Then the value of em_income_line for person "kim" is <line>
      And criterion income of emergency_livelihood is <met> for person "kim"
      And person "kim" is <status> for emergency_livelihood

      Examples:
        | date       | line      | income    | met   | status     |
        | 2025-06-01 | 1,794,010 | 1,794,009 | true  | eligible   |
        | 2025-06-01 | 1,794,010 | 1,794,010 | true  | eligible   |
        | 2025-06-01 | 1,794,010 | 1,794,011 | false | ineligible |
        | 2026-03-01 | 1,923,179 | 1,923,178 | true  | eligible   |
        | 2026-03-01 | 1,923,179 | 1,923,179 | true  | eligible   |
        | 2026-03-01 | 1,923,179 | 1,923,180 | false | ineligible |

    Scenario Outline: The same person in December 2025 and in January 2026, when the line rises
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | crisis_job_loss |
        | kim | head             | 1976-05-10 | 1,850,000            | yes             |
      When the rules are evaluated
      Then person "kim" is <status> for emergency_livelihood

      Examples:
        | date       | status     |
        | 2025-12-01 | ineligible |
        | 2026-01-05 | eligible   |

    Scenario: An unknown income leaves the decision undetermined and names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | crisis_job_loss |
        | kim | head             | 1976-05-10 | unknown              | yes             |
      When the rules are evaluated
      Then criterion income of emergency_livelihood is unknown for person "kim"
      And person "kim" is undetermined for emergency_livelihood
      And the missing inputs of person "kim" for emergency_livelihood include other_income_monthly from the earnings registry

  Rule: [property] The household's property is at or below the cap for its region: metropolis, city or rural area (Article 5)

    Scenario Outline: A lease deposit 1 won under, at and 1 won over the cap of each kind of region, in 2025 and 2026
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | crisis_job_loss | lease_deposit |
        | kim | head             | 1976-05-10 | 1,000,000            | yes             | <deposit>     |
      And the household "h" has sigungu_code <code>
      When the rules are evaluated
      Then criterion property of emergency_livelihood is <met> for person "kim"
      And person "kim" is <status> for emergency_livelihood

      Examples: Jongno-gu, Seoul (metropolis)
        | date       | code  | deposit     | met   | status     |
        | 2026-03-01 | 11110 | 240,999,999 | true  | eligible   |
        | 2026-03-01 | 11110 | 241,000,000 | true  | eligible   |
        | 2026-03-01 | 11110 | 241,000,001 | false | ineligible |
        | 2025-06-01 | 11110 | 241,000,000 | true  | eligible   |
        | 2025-06-01 | 11110 | 241,000,001 | false | ineligible |

      Examples: Wonju (city)
        | date       | code  | deposit     | met   | status     |
        | 2026-03-01 | 51130 | 152,000,000 | true  | eligible   |
        | 2026-03-01 | 51130 | 152,000,001 | false | ineligible |

      Examples: Hongcheon-gun (rural area)
        | date       | code  | deposit     | met   | status     |
        | 2026-03-01 | 51720 | 130,000,000 | true  | eligible   |
        | 2026-03-01 | 51720 | 130,000,001 | false | ineligible |

    Scenario: An unknown lease deposit leaves the decision undetermined and names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | crisis_job_loss | lease_deposit |
        | kim | head             | 1976-05-10 | 1,000,000            | yes             | unknown       |
      When the rules are evaluated
      Then criterion property of emergency_livelihood is unknown for person "kim"
      And person "kim" is undetermined for emergency_livelihood
      And the missing inputs of person "kim" for emergency_livelihood include lease_deposit from the property registry

  Rule: [financial_assets] The household's financial assets are at or below one month's median income (living reserve, 생활준비금) + 6,000,000 (Article 5)

    Scenario Outline: Savings 1 won under, at and 1 won over the cap of 2025 and of 2026
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | crisis_job_loss | financial_assets |
        | kim | head             | 1976-05-10 | 1,000,000            | yes             | <savings>        |
      When the rules are evaluated
      Then the value of em_financial_cap for person "kim" is <cap>
      And criterion financial_assets of emergency_livelihood is <met> for person "kim"
      And person "kim" is <status> for emergency_livelihood

      Examples:
        | date       | cap       | savings   | met   | status     |
        | 2025-06-01 | 8,392,013 | 8,392,012 | true  | eligible   |
        | 2025-06-01 | 8,392,013 | 8,392,013 | true  | eligible   |
        | 2025-06-01 | 8,392,013 | 8,392,014 | false | ineligible |
        | 2026-03-01 | 8,564,238 | 8,564,237 | true  | eligible   |
        | 2026-03-01 | 8,564,238 | 8,564,238 | true  | eligible   |
        | 2026-03-01 | 8,564,238 | 8,564,239 | false | ineligible |

    Scenario: Unknown savings leave the decision undetermined and name the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | crisis_job_loss | financial_assets |
        | kim | head             | 1976-05-10 | 1,000,000            | yes             | unknown          |
      When the rules are evaluated
      Then criterion financial_assets of emergency_livelihood is unknown for person "kim"
      And person "kim" is undetermined for emergency_livelihood
      And the missing inputs of person "kim" for emergency_livelihood include financial_assets from the property registry

    Scenario Outline: A lodger's savings are not the household's
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | crisis_job_loss | financial_assets |
        | kim | head             | 1976-05-10 | 1,000,000            | yes             | 0                |
        | lee | <relation>       | 1980-01-01 | 0                    | no              | 50,000,000       |
      When the rules are evaluated
      Then criterion financial_assets of emergency_livelihood is <met> for person "kim"
      And person "kim" is <status> for emergency_livelihood

      Examples:
        | relation | met   | status     |
        | lodger   | true  | eligible   |
        | sibling  | false | ineligible |

  Rule: [no_duplicate_support] The household does not receive support of the same kind under another law — the BLSA livelihood benefit (Article 3(2))

    Scenario Outline: A household entitled to the livelihood benefit is not given emergency livelihood support
      The 2026 livelihood line for one person is 820,556.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | crisis_job_loss |
        | kim | head             | 1976-05-10 | <income>             | yes             |
      When the rules are evaluated
      Then person "kim" is <livelihood> for blsa_livelihood
      And criterion no_duplicate_support of emergency_livelihood is <met> for person "kim"
      And person "kim" is <status> for emergency_livelihood

      Examples:
        | income  | livelihood | met   | status     |
        | 820,555 | eligible   | false | ineligible |
        | 820,556 | eligible   | false | ineligible |
        | 820,557 | ineligible | true  | eligible   |

    Scenario: An undetermined livelihood decision leaves the emergency decision undetermined
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | crisis_job_loss | provider_count | provider_max_annual_income |
        | kim | head             | 1976-05-10 | 500,000              | yes             | 1              | unknown                    |
      When the rules are evaluated
      Then criterion no_duplicate_support of emergency_livelihood is unknown for person "kim"
      And person "kim" is undetermined for emergency_livelihood
      And the missing inputs of person "kim" for emergency_livelihood include provider_max_annual_income from the family registry
