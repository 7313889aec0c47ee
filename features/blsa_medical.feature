Feature: BLSA medical aid (의료급여)
  National Basic Livelihood Security Act (국민기초생활 보장법), Articles 8-2 and 12-3, and the
  Medical Aid Act (의료급여법).

  A household receives medical aid when its recognised income (소득인정액, computed as for the
  livelihood benefit) is at or below the medical-aid line, 40% of the standard median income
  (기준 중위소득) for its size, and it has no obligatory provider (부양의무자) able to support it.
  Unlike the livelihood, housing and education benefits, medical aid keeps the full provider
  test. Medical aid pays for care (1종/2종 co-payment levels): there is no cash amount.

  Medical-aid line, won per month:  1 person: 956,805 (2025), 1,025,695 (2026)
                                    2 persons: 1,573,063 (2025), 1,679,717 (2026)

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

  Rule: [income] The household's recognised income is at or below the medical-aid line, 40% of the median income for its size (Article 12-3(2))

    Scenario Outline: A person living alone, 1 won under, at and 1 won over the line of 2025 and of 2026
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1976-05-10 | <income>             |
      When the rules are evaluated
      Then the value of blsa_medical_line for person "kim" is <line>
      And criterion income of blsa_medical is <met> for person "kim"
      And person "kim" is <status> for blsa_medical
      And the blsa_medical amount of person "kim" is none

      Examples:
        | date       | line      | income    | met   | status     |
        | 2025-06-01 | 956,805   | 956,804   | true  | eligible   |
        | 2025-06-01 | 956,805   | 956,805   | true  | eligible   |
        | 2025-06-01 | 956,805   | 956,806   | false | ineligible |
        | 2026-03-01 | 1,025,695 | 1,025,694 | true  | eligible   |
        | 2026-03-01 | 1,025,695 | 1,025,695 | true  | eligible   |
        | 2026-03-01 | 1,025,695 | 1,025,696 | false | ineligible |

    Scenario Outline: A couple at the 2026 line for two persons, with earnings less the 30% deduction
      The wife earns 2,399,596 a month: 30% (719,879) is deducted, leaving 1,679,717.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id   | relation_to_head | spouse | birth_date | earned_income_monthly |
        | han  | head             | song   | 1970-02-02 | 0                     |
        | song | spouse           | han    | 1972-07-07 | <earnings>            |
      When the rules are evaluated
      Then the value of blsa_medical_line for person "han" is 1,679,717
      And the value of blsa_recognised_income for person "han" is <recognised>
      And person "han" is <status> for blsa_medical
      And person "song" is <status> for blsa_medical

      Examples:
        | earnings  | recognised | status     |
        | 2,399,594 | 1,679,716  | eligible   |
        | 2,399,596 | 1,679,717  | eligible   |
        | 2,399,597 | 1,679,718  | ineligible |

    Scenario Outline: The same person in December 2025 and in January 2026, when the line rises
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1976-05-10 | 1,000,000            |
      When the rules are evaluated
      Then person "kim" is <status> for blsa_medical

      Examples:
        | date       | status     |
        | 2025-12-01 | ineligible |
        | 2026-01-05 | eligible   |

    Scenario: An unknown earned income leaves the decision undetermined and names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | earned_income_monthly |
        | kim | head             | 1976-05-10 | unknown               |
      When the rules are evaluated
      Then criterion income of blsa_medical is unknown for person "kim"
      And person "kim" is undetermined for blsa_medical
      And the missing inputs of person "kim" for blsa_medical include earned_income_monthly from the earnings registry

  Rule: [obligatory_provider] The household has no obligatory provider outside it, or none judged able to support it (Article 8-2(1); support-capacity test of Decree Article 5-6)

    Scenario Outline: The support-capacity judgment (부양능력 판정) decides when there are providers
      No registry holds the result of the support-capacity test: a caseworker gives it. Without
      providers the test is not needed.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | provider_count | provider_support_capacity |
        | kim | head             | 1976-05-10 | 500,000              | <providers>    | <able>                    |
      When the rules are evaluated
      Then criterion obligatory_provider of blsa_medical is <met> for person "kim"
      And person "kim" is <status> for blsa_medical

      Examples:
        | providers | able    | met     | status       |
        | 0         | unknown | true    | eligible     |
        | 2         | no      | true    | eligible     |
        | 2         | yes     | false   | ineligible   |
        | 2         | unknown | unknown | undetermined |

    Scenario: Providers whose support capacity is not yet judged leave the decision undetermined
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | provider_count |
        | kim | head             | 1976-05-10 | 500,000              | 1              |
      When the rules are evaluated
      Then person "kim" is undetermined for blsa_medical
      And the missing inputs of person "kim" for blsa_medical include provider_support_capacity from the caseworker registry

    Scenario Outline: A lodger's providers are not the household's (Decree Article 2: 동거인 제외)
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | provider_count | provider_support_capacity |
        | kim | head             | 1976-05-10 | 500,000              | 0              | unknown                   |
        | lee | <relation>       | 1980-01-01 | 0                    | 2              | yes                       |
      When the rules are evaluated
      Then criterion obligatory_provider of blsa_medical is <met> for person "kim"
      And person "kim" is <status> for blsa_medical

      Examples:
        | relation | met   | status     |
        | lodger   | true  | eligible   |
        | sibling  | false | ineligible |
