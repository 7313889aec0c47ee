Feature: Near-poor status (차상위계층)
  National Basic Livelihood Security Act (국민기초생활 보장법), Article 2 item 10, and its
  Enforcement Decree (시행령) Article 3.

  A household is near-poor (차상위계층) when its recognised income (소득인정액, computed as for
  the livelihood benefit) is at or below 50% of the standard median income (기준 중위소득) for its
  size and it is not entitled to a BLSA benefit (수급권자: livelihood, medical aid, housing, or
  education for one of its members). The status is not a cash benefit; it opens other
  programmes (e.g. the disability-pension supplement).

  Near-poor line, won per month:  1 person: 1,196,007 (2025), 1,282,119 (2026)
  Housing line (48%), below which a household is a recipient instead:
                                  1 person: 1,148,166 (2025), 1,230,834 (2026)

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

  Rule: [income] The household's recognised income is at or below 50% of the median income for its size (Article 2 item 10; Decree Article 3)

    Scenario Outline: A person living alone, 1 won under, at and 1 won over the line of 2025 and of 2026
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1976-05-10 | <income>             |
      When the rules are evaluated
      Then the value of near_poor_line for person "kim" is <line>
      And criterion income of near_poor is <met> for person "kim"
      And person "kim" is <status> for near_poor
      And the near_poor amount of person "kim" is none

      Examples:
        | date       | line      | income    | met   | status     |
        | 2025-06-01 | 1,196,007 | 1,196,006 | true  | eligible   |
        | 2025-06-01 | 1,196,007 | 1,196,007 | true  | eligible   |
        | 2025-06-01 | 1,196,007 | 1,196,008 | false | ineligible |
        | 2026-03-01 | 1,282,119 | 1,282,118 | true  | eligible   |
        | 2026-03-01 | 1,282,119 | 1,282,119 | true  | eligible   |
        | 2026-03-01 | 1,282,119 | 1,282,120 | false | ineligible |

    Scenario Outline: The same person in December 2025 and in January 2026, when the line rises
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1976-05-10 | 1,250,000            |
      When the rules are evaluated
      Then person "kim" is <status> for near_poor

      Examples:
        | date       | status     |
        | 2025-12-01 | ineligible |
        | 2026-01-05 | eligible   |

    Scenario: An unknown business income leaves the status undetermined and names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | business_income_monthly |
        | kim | head             | 1976-05-10 | 1,250,000            | unknown                 |
      When the rules are evaluated
      Then criterion income of near_poor is unknown for person "kim"
      And person "kim" is undetermined for near_poor
      And the missing inputs of person "kim" for near_poor include business_income_monthly from the earnings registry

  Rule: [not_recipient] The household is not entitled to a BLSA benefit — livelihood, medical aid, housing, or education for a member (Article 2 item 10)

    Scenario Outline: At the housing line a person is a housing-benefit recipient, not near-poor
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1976-05-10 | <income>             |
      When the rules are evaluated
      Then person "kim" is <housing> for blsa_housing
      And criterion not_recipient of near_poor is <met> for person "kim"
      And person "kim" is <status> for near_poor

      Examples:
        | date       | income    | housing    | met   | status     |
        | 2025-06-01 | 1,148,166 | eligible   | false | ineligible |
        | 2025-06-01 | 1,148,167 | ineligible | true  | eligible   |
        | 2026-03-01 | 1,230,833 | eligible   | false | ineligible |
        | 2026-03-01 | 1,230,834 | eligible   | false | ineligible |
        | 2026-03-01 | 1,230,835 | ineligible | true  | eligible   |

    Scenario Outline: A child's education benefit makes the whole household a recipient
      Two persons: housing line 2,015,660, education and near-poor line 2,099,646 (2026).

      Given the date is 2026-03-01
      And a household "h" with members:
        | id       | relation_to_head | birth_date | school_level | other_income_monthly |
        | father   | head             | 1980-03-03 | none         | 2,050,000            |
        | daughter | child            | 2008-05-05 | <school>     | 0                    |
      When the rules are evaluated
      Then person "daughter" is <education> for blsa_education
      And criterion not_recipient of near_poor is <met> for person "father"
      And person "father" is <status> for near_poor

      Examples:
        | school | education  | met   | status     |
        | high   | eligible   | false | ineligible |
        | none   | ineligible | true  | eligible   |
