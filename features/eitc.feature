Feature: Earned Income Tax Credit (근로장려금)
  Restriction of Special Taxation Act (조세특례제한법), Articles 100-2 to 100-13.

  A working household receives a yearly credit, computed on the previous year's earned and
  business income (총급여액등) of the head and spouse, when that income is below the limit for
  its type and the household's property is below 240,000,000 won. Household types: single
  (단독: no spouse, no dependent child, no parent aged 70+), one earner (홑벌이: a spouse earning
  under 3,000,000, or a dependent child or parent aged 70+), dual earner (맞벌이: both spouses earn
  3,000,000 or more).

  Income limits: single 22,000,000; one earner 32,000,000; dual earner 38,000,000 for 2025
  payments and 44,000,000 for 2026 payments (amendment of 2024-12-31).

  The credit rises, stays flat, then falls (Article 100-5(1)):
    single       E × 165/400 below 4,000,000; 1,650,000 to 9,000,000; then 1,650,000 − (E − 9,000,000) × 165/1,300
    one earner   E × 285/700 below 7,000,000; 2,850,000 to 14,000,000; then 2,850,000 − (E − 14,000,000) × 285/1,800
    dual earner  E × 330/800 below 8,000,000; 3,300,000 to 17,000,000; then 3,300,000 − (E − 17,000,000) × 330/2,700
                 (2025: × 330/2,100, reaching 0 at the former 38,000,000 limit)
  It is halved when property is 170,000,000 or more (Article 100-5(4)). Under 15,000 nothing is
  paid; between 15,000 and 100,000 in the rising range 100,000 is paid, between 15,000 and 30,000
  in the falling range 30,000 is paid (Article 100-7).

  Background: a household in Jongno-gu, Seoul (서울 종로구), whose members had no income and have
    no property or car unless the scenario says otherwise
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
      | earned_income_annual       | 0     |
      | business_income_annual     | 0     |

  Rule: [earnings] The household had earned or business income in the previous year (Article 100-3(1))

    Scenario Outline: Small earnings and the minimum payments
      Given the date is 2026-06-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | earned_income_annual |
        | kim | head             | 1980-01-01 | <pay>                |
      When the rules are evaluated
      Then criterion earnings of eitc is <met> for person "kim"
      And person "kim" is <status> for eitc
      And the value of eitc_formula_amount for person "kim" is <formula>
      And the eitc amount of person "kim" is <amount>

      Examples:
        | pay    | met   | status     | formula | amount  |
        | 0      | false | ineligible | 0       | none    |
        | 30,000 | true  | eligible   | 12,375  | 0       |
        | 40,000 | true  | eligible   | 16,500  | 100,000 |

    Scenario: An unknown earned income leaves the decision undetermined and names the missing input
      Given the date is 2026-06-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | earned_income_annual |
        | kim | head             | 1980-01-01 | unknown              |
      When the rules are evaluated
      Then criterion earnings of eitc is unknown for person "kim"
      And person "kim" is undetermined for eitc
      And the missing inputs of person "kim" for eitc include earned_income_annual from the earnings registry

  Rule: [income] The previous year's income is below the limit for the household type — single 22,000,000, one earner 32,000,000, dual earner 38,000,000 (2025) / 44,000,000 (2026) (Article 100-3(1))

    Scenario Outline: A single worker — the amount through the rising, flat and falling ranges, and the limit
      Given the date is 2026-06-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | earned_income_annual |
        | kim | head             | 1980-01-01 | <pay>                |
      When the rules are evaluated
      Then the value of eitc_household_type for person "kim" is single
      And criterion income of eitc is <met> for person "kim"
      And person "kim" is <status> for eitc
      And the eitc amount of person "kim" is <amount>

      Examples:
        | pay        | met   | status     | amount    |
        | 2,000,000  | true  | eligible   | 825,000   |
        | 4,000,000  | true  | eligible   | 1,650,000 |
        | 9,000,000  | true  | eligible   | 1,650,000 |
        | 20,000,000 | true  | eligible   | 253,846   |
        | 21,800,000 | true  | eligible   | 30,000    |
        | 21,999,999 | true  | eligible   | 0         |
        | 22,000,000 | false | ineligible | none      |
        | 22,000,001 | false | ineligible | none      |

    Scenario Outline: A lodger (동거인) is a tax family of their own: their own pay counts, not the head's
      Given the date is 2026-06-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | earned_income_annual |
        | kim | head             | 1970-01-01 | 50,000,000           |
        | lee | <relation>       | 1980-01-01 | 4,000,000            |
      When the rules are evaluated
      Then the value of eitc_total_pay for person "lee" is <total>
      And person "lee" is <status> for eitc
      And the eitc amount of person "lee" is <amount>

      Examples:
        | relation | total      | status     | amount    |
        | lodger   | 4,000,000  | eligible   | 1,650,000 |
        | sibling  | 50,000,000 | ineligible | none      |

    Scenario: A couple lodging together is one tax family, paid once
      Given the date is 2026-06-01
      And a household "h" with members:
        | id   | relation_to_head | spouse | birth_date | earned_income_annual |
        | kim  | head             |        | 1970-01-01 | 50,000,000           |
        | lee  | lodger           | park   | 1980-01-01 | 8,000,000            |
        | park | lodger           | lee    | 1981-01-01 | 5,000,000            |
      When the rules are evaluated
      Then the value of eitc_total_pay for person "park" is 13,000,000
      And the value of eitc_household_type for person "park" is dual_earner
      And the eitc amount of person "lee" is 3,300,000
      And the eitc amount of person "park" is none

    Scenario Outline: A one-earner couple around the 32,000,000 limit
      Given the date is <date>
      And a household "h" with members:
        | id   | relation_to_head | spouse | birth_date | earned_income_annual |
        | park | head             | choi   | 1980-01-01 | <pay>                |
        | choi | spouse           | park   | 1981-01-01 | 0                    |
      When the rules are evaluated
      Then the value of eitc_household_type for person "park" is one_earner
      And criterion income of eitc is <met> for person "park"
      And the eitc amount of person "park" is <amount>

      Examples:
        | date       | pay        | met   | amount    |
        | 2026-06-01 | 10,000,000 | true  | 2,850,000 |
        | 2026-06-01 | 30,000,000 | true  | 316,666   |
        | 2026-06-01 | 31,999,999 | true  | 0         |
        | 2026-06-01 | 32,000,000 | false | none      |
        | 2025-06-01 | 31,999,999 | true  | 0         |
        | 2025-06-01 | 32,000,000 | false | none      |

    Scenario Outline: A dual-earner couple around the limit, which rises from 38,000,000 (2025) to 44,000,000 (2026)
      Given the date is <date>
      And a household "h" with members:
        | id   | relation_to_head | spouse | birth_date | earned_income_annual |
        | park | head             | choi   | 1980-01-01 | 20,000,000           |
        | choi | spouse           | park   | 1981-01-01 | <spouse_pay>         |
      When the rules are evaluated
      Then the value of eitc_household_type for person "park" is dual_earner
      And criterion income of eitc is <met> for person "park"
      And person "park" is <status> for eitc

      Examples:
        | date       | spouse_pay | met   | status     |
        | 2025-06-01 | 17,999,999 | true  | eligible   |
        | 2025-06-01 | 18,000,000 | false | ineligible |
        | 2026-06-01 | 23,999,999 | true  | eligible   |
        | 2026-06-01 | 24,000,000 | false | ineligible |
        | 2026-06-01 | 24,000,001 | false | ineligible |

    Scenario Outline: The same dual-earner couple receives more in 2026, when the falling range is stretched to the new limit
      Given the date is <date>
      And a household "h" with members:
        | id   | relation_to_head | spouse | birth_date | earned_income_annual |
        | park | head             | choi   | 1980-01-01 | <his>                |
        | choi | spouse           | park   | 1981-01-01 | <hers>               |
      When the rules are evaluated
      Then person "park" is <status> for eitc
      And the eitc amount of person "park" is <amount>
      And the eitc amount of person "choi" is none

      Examples:
        | date       | his        | hers       | status     | amount    |
        | 2025-06-01 | 15,000,000 | 15,000,000 | eligible   | 1,257,142 |
        | 2026-06-01 | 15,000,000 | 15,000,000 | eligible   | 1,711,111 |
        | 2025-06-01 | 20,000,000 | 20,000,000 | ineligible | none      |
        | 2026-06-01 | 20,000,000 | 20,000,000 | eligible   | 488,888   |

    Scenario Outline: A spouse earning 3,000,000 or more makes the couple dual earners
      Given the date is 2026-06-01
      And a household "h" with members:
        | id   | relation_to_head | spouse | birth_date | earned_income_annual |
        | park | head             | choi   | 1980-01-01 | 30,000,000           |
        | choi | spouse           | park   | 1981-01-01 | <spouse_pay>         |
      When the rules are evaluated
      Then the value of eitc_household_type for person "park" is <type>
      And person "park" is <status> for eitc
      And the eitc amount of person "park" is <amount>

      Examples:
        | spouse_pay | type        | status     | amount    |
        | 2,999,999  | one_earner  | ineligible | none      |
        | 3,000,000  | dual_earner | eligible   | 1,344,444 |

    Scenario: A single parent with a dependent child is a one-earner household
      Given the date is 2026-06-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | earned_income_annual |
        | mother | head             | 1985-01-01 | 25,000,000           |
        | girl   | child            | 2015-01-01 | 0                    |
      When the rules are evaluated
      Then the value of eitc_household_type for person "mother" is one_earner
      And person "mother" is eligible for eitc
      And the eitc amount of person "mother" is 1,108,333

    Scenario Outline: A single worker living with a parent aged 70 or over is a one-earner household, with its higher limit and amounts
      A co-resident parent (직계존속) aged 70 or over whose own income is at most 1,000,000 makes a
      worker without a spouse a one-earner household (Article 100-3(5)): the income limit is then
      32,000,000 instead of 22,000,000, and the credit follows the one-earner schedule. A parent
      aged 69 does not count. The parents below are 70, or 69, both at the end of the income year
      and on the date of evaluation.

      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date    | earned_income_annual |
        | kim | head             | 1980-01-01    | <pay>                |
        | mom | parent           | <parent_born> | 0                    |
      When the rules are evaluated
      Then the value of eitc_household_type for person "kim" is <type>
      And criterion income of eitc is <met> for person "kim"
      And person "kim" is <status> for eitc
      And the eitc amount of person "kim" is <amount>
      And the eitc amount of person "mom" is none

      Examples: a parent aged 70 or 69, in the flat range of a one-earner household and the falling range of a single worker
        | date       | pay        | parent_born | type       | met   | status     | amount    |
        | 2026-06-01 | 10,300,000 | 1955-12-31  | one_earner | true  | eligible   | 2,850,000 |
        | 2026-06-01 | 10,300,000 | 1956-06-02  | single     | true  | eligible   | 1,485,000 |
        | 2025-06-01 | 10,300,000 | 1954-12-31  | one_earner | true  | eligible   | 2,850,000 |
        | 2025-06-01 | 10,300,000 | 1955-06-02  | single     | true  | eligible   | 1,485,000 |

      Examples: above the single limit of 22,000,000, below the one-earner limit of 32,000,000
        | date       | pay        | parent_born | type       | met   | status     | amount    |
        | 2026-06-01 | 26,000,000 | 1955-12-31  | one_earner | true  | eligible   | 950,000   |
        | 2026-06-01 | 26,000,000 | 1956-06-02  | single     | false | ineligible | none      |

  Rule: [property] The household's total property is below 240,000,000 won; from 170,000,000 the credit is halved (Article 100-3(1), Article 100-5(4))

    Scenario Outline: A single worker with savings around the reduction point and the limit
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | earned_income_annual | financial_assets |
        | kim | head             | 1980-01-01 | 5,000,000            | <property>       |
      When the rules are evaluated
      Then criterion property of eitc is <met> for person "kim"
      And person "kim" is <status> for eitc
      And the eitc amount of person "kim" is <amount>

      Examples:
        | date       | property    | met   | status     | amount    |
        | 2026-06-01 | 169,999,999 | true  | eligible   | 1,650,000 |
        | 2026-06-01 | 170,000,000 | true  | eligible   | 825,000   |
        | 2026-06-01 | 239,999,999 | true  | eligible   | 825,000   |
        | 2026-06-01 | 240,000,000 | false | ineligible | none      |
        | 2026-06-01 | 240,000,001 | false | ineligible | none      |
        | 2025-06-01 | 239,999,999 | true  | eligible   | 825,000   |
        | 2025-06-01 | 240,000,000 | false | ineligible | none      |

    Scenario: Debts are not deducted from the property
      Given the date is 2026-06-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | earned_income_annual | home_value  | debts       |
        | kim | head             | 1980-01-01 | 5,000,000            | 250,000,000 | 100,000,000 |
      When the rules are evaluated
      Then the value of eitc_household_property for person "kim" is 250,000,000
      And person "kim" is ineligible for eitc

    Scenario: An unknown home value leaves the decision undetermined and names the missing input
      Given the date is 2026-06-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | earned_income_annual | home_value |
        | kim | head             | 1980-01-01 | 5,000,000            | unknown    |
      When the rules are evaluated
      Then criterion property of eitc is unknown for person "kim"
      And person "kim" is undetermined for eitc
      And the missing inputs of person "kim" for eitc include home_value from the property registry
