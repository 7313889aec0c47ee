Feature: BLSA education benefit (교육급여)
  National Basic Livelihood Security Act (국민기초생활 보장법), Articles 12 and 12-2, and its
  Enforcement Decree (시행령) Article 16.

  A primary, middle or high-school student receives the education benefit when the household's
  recognised income (소득인정액, computed as for the livelihood benefit) is at or below the
  education line, 50% of the standard median income (기준 중위소득) for its size. By the special
  rule of Article 12-2 the decision rests on the recognised income alone: there is no
  obligatory-provider test. The amounts (yearly education activity support, fees, textbooks)
  are not modelled.

  Education line, won per month:  2 persons: 1,966,329 (2025), 2,099,646 (2026)

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

  Rule: [student] The person is enrolled in a primary, middle or high school (Decree Article 16(1))

    Scenario Outline: Only primary, middle and high-school students are entitled
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | school_level |
        | father | head             | 1980-03-03 | none         |
        | child  | child            | <born>     | <school>     |
      When the rules are evaluated
      Then criterion student of blsa_education is <met> for person "child"
      And person "child" is <status> for blsa_education
      And person "father" is ineligible for blsa_education

      Examples:
        | born       | school     | met   | status     |
        | 2018-05-05 | elementary | true  | eligible   |
        | 2012-05-05 | middle     | true  | eligible   |
        | 2009-05-05 | high       | true  | eligible   |
        | 2006-05-05 | university | false | ineligible |
        | 2020-05-05 | none       | false | ineligible |

    Scenario: An unknown school enrolment leaves the decision undetermined
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | school_level |
        | father | head             | 1980-03-03 | none         |
        | child  | child            | 2012-05-05 | unknown      |
      When the rules are evaluated
      Then criterion student of blsa_education is unknown for person "child"
      And person "child" is undetermined for blsa_education
      And the missing inputs of person "child" for blsa_education include school_level from the childcare registry

  Rule: [income] The household's recognised income is at or below the education line, 50% of the median income for its size (Article 12(3))

    Scenario Outline: A father and his daughter in middle school, 1 won under, at and 1 won over the line of 2025 and of 2026
      Given the date is <date>
      And a household "h" with members:
        | id       | relation_to_head | birth_date | school_level | other_income_monthly |
        | father   | head             | 1980-03-03 | none         | <income>             |
        | daughter | child            | 2012-05-05 | middle       | 0                    |
      When the rules are evaluated
      Then the value of blsa_education_line for person "daughter" is <line>
      And criterion income of blsa_education is <met> for person "daughter"
      And person "daughter" is <status> for blsa_education
      And the blsa_education amount of person "daughter" is none

      Examples:
        | date       | line      | income    | met   | status     |
        | 2025-06-01 | 1,966,329 | 1,966,328 | true  | eligible   |
        | 2025-06-01 | 1,966,329 | 1,966,329 | true  | eligible   |
        | 2025-06-01 | 1,966,329 | 1,966,330 | false | ineligible |
        | 2026-03-01 | 2,099,646 | 2,099,645 | true  | eligible   |
        | 2026-03-01 | 2,099,646 | 2,099,646 | true  | eligible   |
        | 2026-03-01 | 2,099,646 | 2,099,647 | false | ineligible |

    Scenario Outline: The same household in December 2025 and in January 2026, when the line rises
      Given the date is <date>
      And a household "h" with members:
        | id       | relation_to_head | birth_date | school_level | other_income_monthly |
        | father   | head             | 1980-03-03 | none         | 2,000,000            |
        | daughter | child            | 2012-05-05 | middle       | 0                    |
      When the rules are evaluated
      Then person "daughter" is <status> for blsa_education

      Examples:
        | date       | status     |
        | 2025-12-01 | ineligible |
        | 2026-01-05 | eligible   |

    Scenario: A wealthy obligatory provider does not matter for the education benefit (Article 12-2)
      Given the date is 2026-03-01
      And a household "h" with members:
        | id       | relation_to_head | birth_date | school_level | other_income_monthly | provider_count | provider_max_annual_income |
        | father   | head             | 1980-03-03 | none         | 500,000              | 2              | 200,000,000                |
        | daughter | child            | 2012-05-05 | middle       | 0                    | 2              | 200,000,000                |
      When the rules are evaluated
      Then person "daughter" is eligible for blsa_education
      And person "daughter" is ineligible for blsa_livelihood

    Scenario: An unknown income of the father leaves the daughter's decision undetermined
      Given the date is 2026-03-01
      And a household "h" with members:
        | id       | relation_to_head | birth_date | school_level | other_income_monthly |
        | father   | head             | 1980-03-03 | none         | unknown              |
        | daughter | child            | 2012-05-05 | middle       | 0                    |
      When the rules are evaluated
      Then criterion income of blsa_education is unknown for person "daughter"
      And person "daughter" is undetermined for blsa_education
      And the missing inputs of person "daughter" for blsa_education include other_income_monthly from the earnings registry
