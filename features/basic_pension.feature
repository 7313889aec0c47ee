Feature: Basic Pension (기초연금)
  Basic Pension Act (기초연금법), Articles 3, 5, 6, 7, 8 and 24.

  A person aged 65 or over receives the basic pension when the recognised income (소득인정액) of the
  person and their spouse is at or below the selection threshold (선정기준액), unless the person or
  the spouse holds an occupational pension (civil-servant, military, private-school or post-office
  pension). The recognised income is the couple's: earnings less a basic deduction and a further
  30%, other income and the national pension in full, and property [(general property − basic
  property deduction) + (financial assets − 20,000,000) − debts] × 4% ÷ 12.

  Selection threshold, won per month:  single 2,280,000 (2025), 2,470,000 (2026)
                                       couple 3,648,000 (2025), 3,952,000 (2026)
  Base amount (기준연금액, the full monthly pension): 342,510 (2025), 349,700 (2026)

  The amount is the base amount, reduced by the national-pension linkage (Article 5), by 20% for
  each spouse when both receive it (Article 8(1)), and by the excess of income + pension over the
  threshold (Article 8(2), not below 10% of the base amount); amounts under 10 won are dropped
  (Article 24).

  Background: a household in Jongno-gu, Seoul (서울 종로구, a metropolis), whose members have no
    income, property or car unless the scenario says otherwise
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

  Rule: [age] The person is aged 65 or over (Article 3(1))

    Scenario Outline: The 65th birthday opens the right
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date |
        | kim | head             | <born>     |
      When the rules are evaluated
      Then the value of age for person "kim" is <age>
      And criterion age of basic_pension is <met> for person "kim"
      And person "kim" is <status> for basic_pension
      And the basic_pension amount of person "kim" is <amount>

      Examples:
        | date       | born       | age | met   | status     | amount  |
        | 2026-03-01 | 1961-03-02 | 64  | false | ineligible | none    |
        | 2026-03-01 | 1961-03-01 | 65  | true  | eligible   | 349,700 |
        | 2026-03-01 | 1961-02-28 | 65  | true  | eligible   | 349,700 |
        | 2025-06-01 | 1960-06-02 | 64  | false | ineligible | none    |
        | 2025-06-01 | 1960-06-01 | 65  | true  | eligible   | 342,510 |

    Scenario: An unknown date of birth leaves the decision undetermined
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date |
        | kim | head             | unknown    |
      When the rules are evaluated
      Then criterion age of basic_pension is unknown for person "kim"
      And person "kim" is undetermined for basic_pension
      And the missing inputs of person "kim" for basic_pension include birth_date from the resident registry

  Rule: [income] The recognised income of the person and spouse is at or below the selection threshold, single or couple (Article 3(1))

    Scenario Outline: A single person 1 won under, at and 1 won over the threshold of 2025 and of 2026
      Just under the threshold the income-reversal reduction leaves only the floor: 10% of the base
      amount, cut to 10 won.

      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1950-01-01 | <income>             |
      When the rules are evaluated
      Then the value of bp_selection_threshold for person "kim" is <threshold>
      And the value of bp_recognised_income for person "kim" is <income>
      And criterion income of basic_pension is <met> for person "kim"
      And person "kim" is <status> for basic_pension
      And the basic_pension amount of person "kim" is <amount>

      Examples:
        | date       | threshold | income    | met   | status     | amount |
        | 2025-06-01 | 2,280,000 | 2,279,999 | true  | eligible   | 34,250 |
        | 2025-06-01 | 2,280,000 | 2,280,000 | true  | eligible   | 34,250 |
        | 2025-06-01 | 2,280,000 | 2,280,001 | false | ineligible | none   |
        | 2026-03-01 | 2,470,000 | 2,469,999 | true  | eligible   | 34,970 |
        | 2026-03-01 | 2,470,000 | 2,470,000 | true  | eligible   | 34,970 |
        | 2026-03-01 | 2,470,000 | 2,470,001 | false | ineligible | none   |

    Scenario Outline: A couple 1 won under, at and 1 won over the couple threshold of 2025 and of 2026
      Given the date is <date>
      And a household "h" with members:
        | id   | relation_to_head | spouse | birth_date | other_income_monthly |
        | park | head             | choi   | 1950-01-01 | <income>             |
        | choi | spouse           | park   | 1952-01-01 | 0                    |
      When the rules are evaluated
      Then the value of bp_selection_threshold for person "choi" is <threshold>
      And the value of bp_recognised_income for person "choi" is <income>
      And person "park" is <status> for basic_pension
      And person "choi" is <status> for basic_pension

      Examples:
        | date       | threshold | income    | status     |
        | 2025-06-01 | 3,648,000 | 3,647,999 | eligible   |
        | 2025-06-01 | 3,648,000 | 3,648,000 | eligible   |
        | 2025-06-01 | 3,648,000 | 3,648,001 | ineligible |
        | 2026-03-01 | 3,952,000 | 3,951,999 | eligible   |
        | 2026-03-01 | 3,952,000 | 3,952,000 | eligible   |
        | 2026-03-01 | 3,952,000 | 3,952,001 | ineligible |

    Scenario Outline: Full pension, couple reduction and income-reversal reduction in 2025 and 2026
      Both spouses receiving the pension each get 20% less (Article 8(1)); when income + pension
      exceed the threshold, the pension is reduced by the excess (Article 8(2)), shared by the
      spouses: with 3,600,000 of income in 2026 the excess is 3,600,000 + 2 × 279,760 − 3,952,000
      = 207,520, i.e. 103,760 each, leaving 279,760 − 103,760 = 176,000.

      Given the date is <date>
      And a household "h" with members:
        | id   | relation_to_head | spouse   | birth_date   | other_income_monthly |
        | park | head             | <spouse> | 1950-01-01   | <income>             |
        | choi | spouse           | <back>   | <choi_born>  | 0                    |
      When the rules are evaluated
      Then the basic_pension amount of person "park" is <amount>

      Examples: a couple, both 65+, no income
        | date       | spouse | back | choi_born  | income    | amount  |
        | 2025-06-01 | choi   | park | 1952-01-01 | 0         | 274,000 |
        | 2026-03-01 | choi   | park | 1952-01-01 | 0         | 279,760 |

      Examples: a couple whose wife is under 65 — no couple reduction
        | date       | spouse | back | choi_born  | income    | amount  |
        | 2025-06-01 | choi   | park | 1966-01-01 | 0         | 342,510 |
        | 2026-03-01 | choi   | park | 1966-01-01 | 0         | 349,700 |

      Examples: a couple with income close to the threshold — income-reversal reduction
        | date       | spouse | back | choi_born  | income    | amount  |
        | 2026-03-01 | choi   | park | 1952-01-01 | 3,600,000 | 176,000 |

    Scenario Outline: A single person whose income nears the threshold gets the pension less the excess
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1950-01-01 | 2,300,000            |
      When the rules are evaluated
      Then person "kim" is <status> for basic_pension
      And the basic_pension amount of person "kim" is <amount>

      Examples:
        | date       | status     | amount  |
        | 2025-12-01 | ineligible | none    |
        | 2026-01-05 | eligible   | 170,000 |

    Scenario Outline: Earnings count after a basic deduction (1,120,000 in 2025, 1,160,000 in 2026) and a further 30%
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | earned_income_monthly |
        | kim | head             | 1955-01-01 | <earnings>            |
      When the rules are evaluated
      Then the value of bp_recognised_income for person "kim" is <recognised>
      And person "kim" is <status> for basic_pension
      And the basic_pension amount of person "kim" is <amount>

      Examples:
        | date       | earnings  | recognised | status     | amount  |
        | 2025-06-01 | 1,120,000 | 0          | eligible   | 342,510 |
        | 2026-06-01 | 1,160,000 | 0          | eligible   | 349,700 |
        | 2026-06-01 | 3,000,000 | 1,288,000  | eligible   | 349,700 |
        | 2025-06-01 | 4,500,000 | 2,366,000  | ineligible | none    |
        | 2026-06-01 | 4,500,000 | 2,338,000  | eligible   | 132,000 |

    Scenario: Property counts at 4% a year above the basic property deduction and 20,000,000 of savings
      In a metropolis the basic property deduction is 135,000,000: (300,000,000 − 135,000,000) +
      (30,000,000 − 20,000,000) = 175,000,000 × 4% ÷ 12 = 583,333 a month.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | home_value  | financial_assets |
        | kim | head             | 1955-01-01 | 300,000,000 | 30,000,000       |
      When the rules are evaluated
      Then the value of bp_recognised_income for person "kim" is 583,333
      And the basic_pension amount of person "kim" is 349,700

    Scenario Outline: A national pension above 150% of the base amount reduces the basic pension (Articles 5 and 6)
      Above 524,550 a month (150% of 349,700) the pension is 349,700 × 1.5 − ⅔ × the A component
      (A급여): 524,550 − 200,000 = 324,550.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | national_pension_monthly | national_pension_a_monthly |
        | kim | head             | 1955-01-01 | <pension>                | 300,000                    |
      When the rules are evaluated
      Then the value of bp_recognised_income for person "kim" is <pension>
      And the basic_pension amount of person "kim" is <amount>

      Examples:
        | pension | amount  |
        | 524,550 | 349,700 |
        | 524,551 | 324,550 |

    Scenario: An unknown national pension leaves the decision undetermined and names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | national_pension_monthly |
        | kim | head             | 1955-01-01 | unknown                  |
      When the rules are evaluated
      Then criterion income of basic_pension is unknown for person "kim"
      And person "kim" is undetermined for basic_pension
      And the missing inputs of person "kim" for basic_pension include national_pension_monthly from the pensions registry

  Rule: [occupational_pension] Neither the person nor the spouse holds an occupational pension — civil servants, military, private-school, post-office (Article 3(3))

    Scenario Outline: An occupational pension of either spouse excludes both
      Given the date is 2026-03-01
      And a household "h" with members:
        | id   | relation_to_head | spouse | birth_date | occupational_pension |
        | park | head             | choi   | 1950-01-01 | <his>                |
        | choi | spouse           | park   | 1952-01-01 | <hers>               |
      When the rules are evaluated
      Then criterion occupational_pension of basic_pension is <met> for person "choi"
      And person "choi" is <status> for basic_pension
      And person "park" is <status> for basic_pension

      Examples:
        | his     | hers | met     | status       |
        | no      | no   | true    | eligible     |
        | yes     | no   | false   | ineligible   |
        | no      | yes  | false   | ineligible   |
        | unknown | no   | unknown | undetermined |

    Scenario: An unknown occupational-pension record names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | occupational_pension |
        | kim | head             | 1955-01-01 | unknown              |
      When the rules are evaluated
      Then person "kim" is undetermined for basic_pension
      And the missing inputs of person "kim" for basic_pension include occupational_pension from the pensions registry
