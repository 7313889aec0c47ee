Feature: Disability Pension (장애인연금)
  Disability Pension Act (장애인연금법), Articles 2, 4, 5, 6 and 7.

  A person aged 18 or over registered with a severe disability (장애의 정도가 심한 장애인) receives
  the disability pension when the recognised income (소득인정액) of the person and their spouse is
  at or below the selection threshold (선정기준액), unless the person or the spouse holds an
  occupational pension. The recognised income is computed as for the basic pension.

  Selection threshold, won per month:  single 1,380,000 (2025), 1,400,000 (2026)
                                       couple 2,208,000 (2025), 2,240,000 (2026)

  The pension is a basic benefit (기초급여) equal to the basic pension's base amount — 342,510
  (2025), 349,700 (2026), 20% less for each spouse when both receive it, not paid to basic-pension
  recipients (Article 6) — plus a supplementary benefit (부가급여, Article 7) by BLSA status:
  aged 18–64: 90,000 (livelihood or medical-aid recipients), 80,000 (housing or education
  recipients, near-poor), 30,000 (others); aged 65+: the base amount + 90,000, 80,000, 50,000.

  Background: a household in Jongno-gu, Seoul (서울 종로구), whose members have no income,
    property, car or obligatory provider unless the scenario says otherwise
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

  Rule: [age] The person is aged 18 or over (Article 4(1))

    Scenario Outline: The 18th birthday opens the right
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | disability_severe |
        | yun | head             | <born>     | yes                   | yes               |
      When the rules are evaluated
      Then criterion age of disability_pension is <met> for person "yun"
      And person "yun" is <status> for disability_pension
      And the disability_pension amount of person "yun" is <amount>

      Examples:
        | born       | met   | status     | amount  |
        | 2008-03-02 | false | ineligible | none    |
        | 2008-03-01 | true  | eligible   | 439,700 |
        | 2008-02-29 | true  | eligible   | 439,700 |

  Rule: [severe_disability] The person is registered with a severe disability (Article 2 item 1)

    Scenario Outline: Only a severe disability in the disability registry counts
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | disability_severe |
        | yun | head             | 1980-01-01 | <registered>          | <severe>          |
      When the rules are evaluated
      Then criterion severe_disability of disability_pension is <met> for person "yun"
      And person "yun" is <status> for disability_pension

      Examples:
        | registered | severe | met   | status     |
        | yes        | yes    | true  | eligible   |
        | yes        | no     | false | ineligible |

    Scenario: A person absent from the disability registry is not registered
      The disability registry lists every registered person: absence means not registered.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date |
        | yun | head             | 1980-01-01 |
      When the rules are evaluated
      Then criterion severe_disability of disability_pension is false for person "yun"
      And person "yun" is ineligible for disability_pension

  Rule: [income] The recognised income of the person and spouse is at or below the selection threshold, single or couple (Article 4(1))

    Scenario Outline: A single person 1 won under, at and 1 won over the threshold of 2025 and of 2026
      With this income the person is above the near-poor line: the supplement is 30,000.

      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | disability_severe | other_income_monthly |
        | yun | head             | 1980-01-01 | yes                   | yes               | <income>             |
      When the rules are evaluated
      Then the value of dp_selection_threshold for person "yun" is <threshold>
      And criterion income of disability_pension is <met> for person "yun"
      And person "yun" is <status> for disability_pension
      And the disability_pension amount of person "yun" is <amount>

      Examples:
        | date       | threshold | income    | met   | status     | amount  |
        | 2025-06-01 | 1,380,000 | 1,379,999 | true  | eligible   | 372,510 |
        | 2025-06-01 | 1,380,000 | 1,380,000 | true  | eligible   | 372,510 |
        | 2025-06-01 | 1,380,000 | 1,380,001 | false | ineligible | none    |
        | 2026-03-01 | 1,400,000 | 1,399,999 | true  | eligible   | 379,700 |
        | 2026-03-01 | 1,400,000 | 1,400,000 | true  | eligible   | 379,700 |
        | 2026-03-01 | 1,400,000 | 1,400,001 | false | ineligible | none    |

    Scenario Outline: A couple 1 won under, at and 1 won over the couple threshold of 2025 and of 2026
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | spouse | birth_date | disability_registered | disability_severe | other_income_monthly |
        | yun | head             | seo    | 1980-01-01 | yes                   | yes               | 0                    |
        | seo | spouse           | yun    | 1982-01-01 | no                    | no                | <income>             |
      When the rules are evaluated
      Then the value of dp_selection_threshold for person "yun" is <threshold>
      And person "yun" is <status> for disability_pension

      Examples:
        | date       | threshold | income    | status     |
        | 2025-06-01 | 2,208,000 | 2,207,999 | eligible   |
        | 2025-06-01 | 2,208,000 | 2,208,000 | eligible   |
        | 2025-06-01 | 2,208,000 | 2,208,001 | ineligible |
        | 2026-03-01 | 2,240,000 | 2,239,999 | eligible   |
        | 2026-03-01 | 2,240,000 | 2,240,000 | eligible   |
        | 2026-03-01 | 2,240,000 | 2,240,001 | ineligible |

    Scenario Outline: The same person in December 2025 and in January 2026, when the threshold rises
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | disability_severe | other_income_monthly |
        | yun | head             | 1980-01-01 | yes                   | yes               | 1,390,000            |
      When the rules are evaluated
      Then person "yun" is <status> for disability_pension
      And the disability_pension amount of person "yun" is <amount>

      Examples:
        | date       | status     | amount  |
        | 2025-12-01 | ineligible | none    |
        | 2026-01-05 | eligible   | 379,700 |

    Scenario Outline: The supplementary benefit follows the BLSA status of the household (persons aged 18–64, 2026)
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | disability_severe | other_income_monthly |
        | yun | head             | 1980-01-01 | yes                   | yes               | <income>             |
      When the rules are evaluated
      Then the value of dp_basic_benefit for person "yun" is 349,700
      And the value of dp_supplement for person "yun" is <supplement>
      And the disability_pension amount of person "yun" is <amount>

      Examples:
        | income    | supplement | amount  |
        | 0         | 90,000     | 439,700 |
        | 1,250,000 | 80,000     | 429,700 |
        | 1,300,000 | 30,000     | 379,700 |

    Scenario Outline: At 65 the basic pension replaces the basic benefit and the supplement changes
      The basic pension (349,700) is BLSA income: with no other income the person is a livelihood
      recipient and the supplement is the base amount + 90,000.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | disability_severe | other_income_monthly |
        | yun | head             | 1955-01-01 | yes                   | yes               | <income>             |
      When the rules are evaluated
      Then person "yun" is eligible for basic_pension
      And the value of dp_basic_benefit for person "yun" is 0
      And the disability_pension amount of person "yun" is <amount>

      Examples:
        | income    | amount  |
        | 0         | 439,700 |
        | 1,300,000 | 50,000  |

    Scenario Outline: A near-poor person receives the 80,000 supplement at 64 and at 65; at 65 the basic pension replaces the basic benefit (2025)
      A severely disabled person with no income of their own lives with an adult son: the pension
      looks at the person (and a spouse) only, the BLSA status at the whole household of two, whose
      lines in 2025 are 1,887,676 (housing, 48%) and 1,966,329 (near-poor, 50%). Near-poor persons
      (차상위) receive a supplement of 80,000 both at 18–64 and at 65 and over; above the near-poor
      line a person aged 65 or over receives 50,000. From 65 the person receives the basic pension
      (342,510), which counts as BLSA income, and no basic benefit (Article 6(5)). The reference
      gives the supplements of persons aged 65 and over for 2025 only.

      Given the date is 2025-06-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | disability_severe | other_income_monthly |
        | yun | head             | <born>     | yes                   | yes               | 0                    |
        | son | child            | 1998-03-01 | no                    | no                | <son_income>         |
      When the rules are evaluated
      Then the value of age for person "yun" is <age>
      And person "yun" is <pension> for basic_pension
      And the value of blsa_recognised_income for person "yun" is <recognised>
      And person "yun" is <near_poor> for near_poor
      And person "yun" is eligible for disability_pension
      And the value of dp_basic_benefit for person "yun" is <basic>
      And the value of dp_supplement for person "yun" is <supplement>
      And the disability_pension amount of person "yun" is <amount>

      Examples:
        | born       | age | son_income | pension    | recognised | near_poor  | basic   | supplement | amount  |
        | 1960-06-02 | 64  | 1,900,000  | ineligible | 1,900,000  | eligible   | 342,510 | 80,000     | 422,510 |
        | 1960-06-01 | 65  | 1,580,000  | eligible   | 1,922,510  | eligible   | 0       | 80,000     | 80,000  |
        | 1960-06-01 | 65  | 1,900,000  | eligible   | 2,242,510  | ineligible | 0       | 50,000     | 50,000  |

    Scenario Outline: Both spouses severely disabled each receive the basic benefit less 20%
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | spouse | birth_date | disability_registered | disability_severe |
        | yun | head             | seo    | 1980-01-01 | yes                   | yes               |
        | seo | spouse           | yun    | 1982-01-01 | yes                   | yes               |
      When the rules are evaluated
      Then the value of dp_basic_benefit for person "seo" is <basic>
      And the disability_pension amount of person "yun" is <amount>
      And the disability_pension amount of person "seo" is <amount>

      Examples:
        | date       | basic   | amount  |
        | 2025-06-01 | 274,000 | 364,000 |
        | 2026-03-01 | 279,760 | 369,760 |

    Scenario: An unknown income leaves the decision undetermined and names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | disability_severe | other_income_monthly |
        | yun | head             | 1980-01-01 | yes                   | yes               | unknown              |
      When the rules are evaluated
      Then criterion income of disability_pension is unknown for person "yun"
      And person "yun" is undetermined for disability_pension
      And the missing inputs of person "yun" for disability_pension include other_income_monthly from the earnings registry

  Rule: [occupational_pension] Neither the person nor the spouse holds an occupational pension (Article 4(3))

    Scenario Outline: An occupational pension of either spouse excludes the disabled person
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | spouse | birth_date | disability_registered | disability_severe | occupational_pension |
        | yun | head             | seo    | 1980-01-01 | yes                   | yes               | <own>                |
        | seo | spouse           | yun    | 1982-01-01 | no                    | no                | <spouse>             |
      When the rules are evaluated
      Then criterion occupational_pension of disability_pension is <met> for person "yun"
      And person "yun" is <status> for disability_pension

      Examples:
        | own | spouse  | met     | status       |
        | no  | no      | true    | eligible     |
        | yes | no      | false   | ineligible   |
        | no  | yes     | false   | ineligible   |
        | no  | unknown | unknown | undetermined |

    Scenario: An unknown occupational-pension record names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | disability_severe | occupational_pension |
        | yun | head             | 1980-01-01 | yes                   | yes               | unknown              |
      When the rules are evaluated
      Then person "yun" is undetermined for disability_pension
      And the missing inputs of person "yun" for disability_pension include occupational_pension from the pensions registry
