Feature: BLSA housing benefit (주거급여)
  National Basic Livelihood Security Act (국민기초생활 보장법), Article 11, and the Housing Benefit
  Act (주거급여법, Ministry of Land, Infrastructure and Transport).

  A household receives the housing benefit when its recognised income (소득인정액, computed as for
  the livelihood benefit) is at or below the housing line, 48% of the standard median income
  (기준 중위소득) for its size. There is no obligatory-provider test (abolished in October 2018).
  The amount (reference rents by region and size) is not modelled: no cash amount is given.

  Housing line, won per month:  1 person: 1,148,166 (2025), 1,230,834 (2026)
                                3 persons: 2,412,169 (2025), 2,572,337 (2026)

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

  Rule: [income] The household's recognised income is at or below the housing line, 48% of the median income for its size (Article 11; Housing Benefit Act)

    Scenario Outline: A person living alone, 1 won under, at and 1 won over the line of 2025 and of 2026
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1976-05-10 | <income>             |
      When the rules are evaluated
      Then the value of blsa_housing_line for person "kim" is <line>
      And criterion income of blsa_housing is <met> for person "kim"
      And person "kim" is <status> for blsa_housing
      And the blsa_housing amount of person "kim" is none

      Examples:
        | date       | line      | income    | met   | status     |
        | 2025-06-01 | 1,148,166 | 1,148,165 | true  | eligible   |
        | 2025-06-01 | 1,148,166 | 1,148,166 | true  | eligible   |
        | 2025-06-01 | 1,148,166 | 1,148,167 | false | ineligible |
        | 2026-03-01 | 1,230,834 | 1,230,833 | true  | eligible   |
        | 2026-03-01 | 1,230,834 | 1,230,834 | true  | eligible   |
        | 2026-03-01 | 1,230,834 | 1,230,835 | false | ineligible |

    Scenario Outline: A mother and two children at the three-person line of 2025 and of 2026
      Given the date is <date>
      And a household "h" with members:
        | id     | relation_to_head | birth_date | marital_status | other_income_monthly |
        | mother | head             | 1984-04-04 | divorced       | <income>             |
        | son    | child            | 2012-01-20 | never_married  | 0                    |
        | girl   | child            | 2016-10-02 | never_married  | 0                    |
      When the rules are evaluated
      Then the value of blsa_housing_line for person "mother" is <line>
      And person "mother" is <status> for blsa_housing
      And person "son" is <status> for blsa_housing

      Examples:
        | date       | line      | income    | status     |
        | 2025-06-01 | 2,412,169 | 2,412,169 | eligible   |
        | 2025-06-01 | 2,412,169 | 2,412,170 | ineligible |
        | 2026-06-01 | 2,572,337 | 2,572,337 | eligible   |
        | 2026-06-01 | 2,572,337 | 2,572,338 | ineligible |

    Scenario Outline: The same person in December 2025 and in January 2026, when the line rises
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1976-05-10 | 1,200,000            |
      When the rules are evaluated
      Then person "kim" is <status> for blsa_housing

      Examples:
        | date       | status     |
        | 2025-12-01 | ineligible |
        | 2026-01-05 | eligible   |

    Scenario Outline: An owned home counts at 1.04% a month up to the regional cap, and at 4.17% above it
      In Seoul the basic property deduction is 99,000,000 and residential property (주거용재산)
      counts at 1.04% a month up to 172,000,000; above the cap it is general property (일반재산),
      which the deduction absorbs first.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | home_value |
        | kim | head             | 1976-05-10 | <home>     |
      When the rules are evaluated
      Then the value of blsa_property_income for person "kim" is <converted>
      And person "kim" is <status> for blsa_housing
      And person "kim" is <livelihood> for blsa_livelihood

      Examples:
        | home        | converted | status     | livelihood |
        | 99,000,000  | 0         | eligible   | eligible   |
        | 150,000,000 | 530,400   | eligible   | eligible   |
        | 200,000,000 | 1,050,400 | eligible   | ineligible |
        | 220,000,000 | 1,258,400 | ineligible | ineligible |

    Scenario: An unknown lease deposit leaves the decision undetermined and names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | lease_deposit |
        | kim | head             | 1976-05-10 | 1,000,000            | unknown       |
      When the rules are evaluated
      Then criterion income of blsa_housing is unknown for person "kim"
      And person "kim" is undetermined for blsa_housing
      And the missing inputs of person "kim" for blsa_housing include lease_deposit from the property registry
