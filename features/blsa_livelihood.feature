Feature: BLSA livelihood benefit (생계급여)
  National Basic Livelihood Security Act (국민기초생활 보장법), Articles 2, 6-3, 8 and 8-2, and its
  Enforcement Decree (시행령) Articles 5 to 5-4.

  A household receives the livelihood benefit when its recognised income (소득인정액) is at or
  below the livelihood line (생계급여 선정기준), 32% of the standard median income (기준 중위소득)
  for its size, and no obligatory provider (부양의무자) has a very high income or property. The
  benefit tops the recognised income up to the line (Article 8(3)); it is paid monthly, once per
  household, to the head.

  Recognised income = income evaluation (소득평가액: actual income less 30% of earnings, more for
  young people) + property converted to income (재산의 소득환산액).

  Livelihood line, won per month:  1 person: 765,444 (2025), 820,556 (2026)
                                   4 persons: 1,951,287 (2025), 2,078,316 (2026)
                                   8 persons: 3,171,856 (2025), 3,351,791 (2026)
                                   9 persons: 3,467,416 (2025), 3,658,735 (2026)

  For 8 or more persons the median income is the 7-person amount plus, for each person beyond
  seven, the difference between the 7- and 6-person amounts: 8,988,428 + 923,623 per person in
  2025, 9,515,150 + 959,198 per person in 2026.

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

  Rule: [income] The household's recognised income is at or below the livelihood line, 32% of the median income for its size (Article 8(2))

    Scenario Outline: A person living alone, 1 won under, at and 1 won over the 2026 line
      Other income (interest, rent, regular private transfers) counts in full.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1976-05-10 | <income>             |
      When the rules are evaluated
      Then the value of blsa_livelihood_line for person "kim" is 820,556
      And the value of blsa_recognised_income for person "kim" is <income>
      And criterion income of blsa_livelihood is <met> for person "kim"
      And person "kim" is <status> for blsa_livelihood
      And the blsa_livelihood amount of person "kim" is <amount>

      Examples:
        | income  | met   | status     | amount |
        | 820,555 | true  | eligible   | 1      |
        | 820,556 | true  | eligible   | 0      |
        | 820,557 | false | ineligible | none   |

    Scenario Outline: A family of four at the line of 2025 and of 2026
      Given the date is <date>
      And a household "h" with members:
        | id     | relation_to_head | spouse | birth_date | other_income_monthly |
        | father | head             | mother | 1985-05-01 | <income>             |
        | mother | spouse           | father | 1987-08-20 | 0                    |
        | son    | child            |        | 2015-09-01 | 0                    |
        | girl   | child            |        | 2019-11-10 | 0                    |
      When the rules are evaluated
      Then the value of blsa_livelihood_line for person "father" is <line>
      And person "father" is <status> for blsa_livelihood
      And person "girl" is <status> for blsa_livelihood
      And the blsa_livelihood amount of person "father" is <amount>
      And the blsa_livelihood amount of person "mother" is none

      Examples:
        | date       | line      | income    | status     | amount  |
        | 2025-06-01 | 1,951,287 | 1,951,286 | eligible   | 1       |
        | 2025-06-01 | 1,951,287 | 1,951,287 | eligible   | 0       |
        | 2025-06-01 | 1,951,287 | 1,951,288 | ineligible | none    |
        | 2026-06-01 | 2,078,316 | 2,078,315 | eligible   | 1       |
        | 2026-06-01 | 2,078,316 | 2,078,316 | eligible   | 0       |
        | 2026-06-01 | 2,078,316 | 2,078,317 | ineligible | none    |
        | 2026-06-01 | 2,078,316 | 1,750,000 | eligible   | 328,316 |

    Scenario Outline: A family of eight, 1 won under, at and 1 won over the line of 2025 and of 2026
      The median income of 8 persons is the 7-person amount plus the difference between the 7- and
      6-person amounts: 8,988,428 + 923,623 = 9,912,051 (2025), 9,515,150 + 959,198 = 10,474,348
      (2026); the line is 32% of it, rounded to the won.

      Given the date is <date>
      And a household "h" with members:
        | id     | relation_to_head | spouse | birth_date | other_income_monthly |
        | father | head             | mother | 1975-05-01 | <income>             |
        | mother | spouse           | father | 1977-08-20 | 0                    |
        | c1     | child            |        | 2000-03-01 | 0                    |
        | c2     | child            |        | 2002-06-01 | 0                    |
        | c3     | child            |        | 2005-09-01 | 0                    |
        | c4     | child            |        | 2008-01-15 | 0                    |
        | c5     | child            |        | 2011-04-20 | 0                    |
        | c6     | child            |        | 2014-11-30 | 0                    |
      When the rules are evaluated
      Then the value of household_size for person "father" is 8
      And the value of median_income_household for person "father" is <median>
      And the value of blsa_livelihood_line for person "father" is <line>
      And person "father" is <status> for blsa_livelihood
      And person "c6" is <status> for blsa_livelihood
      And the blsa_livelihood amount of person "father" is <amount>

      Examples:
        | date       | median     | line      | income    | status     | amount  |
        | 2025-06-01 | 9,912,051  | 3,171,856 | 3,171,855 | eligible   | 1       |
        | 2025-06-01 | 9,912,051  | 3,171,856 | 3,171,856 | eligible   | 0       |
        | 2025-06-01 | 9,912,051  | 3,171,856 | 3,171,857 | ineligible | none    |
        | 2026-06-01 | 10,474,348 | 3,351,791 | 3,351,790 | eligible   | 1       |
        | 2026-06-01 | 10,474,348 | 3,351,791 | 3,351,791 | eligible   | 0       |
        | 2026-06-01 | 10,474,348 | 3,351,791 | 3,351,792 | ineligible | none    |
        | 2026-06-01 | 10,474,348 | 3,351,791 | 3,000,000 | eligible   | 351,791 |

    Scenario Outline: A family of nine, 1 won under, at and 1 won over the line of 2025 and of 2026
      Two persons beyond seven: 8,988,428 + 2 × 923,623 = 10,835,674 (2025), 9,515,150 + 2 ×
      959,198 = 11,433,546 (2026); the line is 32% of it, rounded to the won.

      Given the date is <date>
      And a household "h" with members:
        | id     | relation_to_head | spouse | birth_date | other_income_monthly |
        | father | head             | mother | 1975-05-01 | <income>             |
        | mother | spouse           | father | 1977-08-20 | 0                    |
        | c1     | child            |        | 2000-03-01 | 0                    |
        | c2     | child            |        | 2002-06-01 | 0                    |
        | c3     | child            |        | 2005-09-01 | 0                    |
        | c4     | child            |        | 2008-01-15 | 0                    |
        | c5     | child            |        | 2011-04-20 | 0                    |
        | c6     | child            |        | 2014-11-30 | 0                    |
        | c7     | child            |        | 2016-02-10 | 0                    |
      When the rules are evaluated
      Then the value of household_size for person "father" is 9
      And the value of median_income_household for person "father" is <median>
      And the value of blsa_livelihood_line for person "father" is <line>
      And person "father" is <status> for blsa_livelihood
      And person "c7" is <status> for blsa_livelihood
      And the blsa_livelihood amount of person "father" is <amount>

      Examples:
        | date       | median     | line      | income    | status     | amount  |
        | 2025-06-01 | 10,835,674 | 3,467,416 | 3,467,415 | eligible   | 1       |
        | 2025-06-01 | 10,835,674 | 3,467,416 | 3,467,416 | eligible   | 0       |
        | 2025-06-01 | 10,835,674 | 3,467,416 | 3,467,417 | ineligible | none    |
        | 2026-06-01 | 11,433,546 | 3,658,735 | 3,658,734 | eligible   | 1       |
        | 2026-06-01 | 11,433,546 | 3,658,735 | 3,658,735 | eligible   | 0       |
        | 2026-06-01 | 11,433,546 | 3,658,735 | 3,658,736 | ineligible | none    |
        | 2026-06-01 | 11,433,546 | 3,658,735 | 3,000,000 | eligible   | 658,735 |

    Scenario Outline: The same person in December 2025 and in January 2026, when the line rises
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1976-05-10 | 800,000              |
      When the rules are evaluated
      Then the value of blsa_livelihood_line for person "kim" is <line>
      And person "kim" is <status> for blsa_livelihood
      And the blsa_livelihood amount of person "kim" is <amount>

      Examples:
        | date       | line    | status     | amount |
        | 2025-12-01 | 765,444 | ineligible | none   |
        | 2026-01-05 | 820,556 | eligible   | 20,556 |

    Scenario Outline: A worker aged 49 keeps 30% of his earnings out of the recognised income
      The earned-income deduction (근로소득 공제, Article 6-3(1)) is 30% of earnings, rounded to the won.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | earned_income_monthly |
        | kim | head             | 1976-05-10 | <earnings>            |
      When the rules are evaluated
      Then the value of blsa_earned_income_deduction for person "kim" is <deduction>
      And the value of blsa_recognised_income for person "kim" is <recognised>
      And person "kim" is <status> for blsa_livelihood
      And the blsa_livelihood amount of person "kim" is <amount>

      Examples:
        | earnings  | deduction | recognised | status     | amount |
        | 1,172,222 | 351,667   | 820,555    | eligible   | 1      |
        | 1,172,223 | 351,667   | 820,556    | eligible   | 0      |
        | 1,172,224 | 351,667   | 820,557    | ineligible | none   |

    Scenario Outline: The youth deduction changes in 2026
      Young workers (청년 추가공제) deduct 400,000 then 30% of the rest up to age 29 in 2025, and
      600,000 then 30% of the rest up to age 34 in 2026.

      Given the date is <date>
      And a household "h" with members:
        | id   | relation_to_head | birth_date   | earned_income_monthly |
        | park | head             | <birth_date> | 1,400,000             |
      When the rules are evaluated
      Then the value of age for person "park" is <age>
      And the value of blsa_earned_income_deduction for person "park" is <deduction>
      And the value of blsa_recognised_income for person "park" is <recognised>
      And person "park" is <status> for blsa_livelihood
      And the blsa_livelihood amount of person "park" is <amount>

      Examples:
        | date       | birth_date | age | deduction | recognised | status     | amount  |
        | 2025-06-01 | 1996-01-01 | 29  | 700,000   | 700,000    | eligible   | 65,444  |
        | 2025-06-01 | 1995-01-01 | 30  | 420,000   | 980,000    | ineligible | none    |
        | 2026-06-01 | 1996-01-01 | 30  | 840,000   | 560,000    | eligible   | 260,556 |
        | 2026-06-01 | 1992-01-01 | 34  | 840,000   | 560,000    | eligible   | 260,556 |
        | 2026-06-01 | 1991-01-01 | 35  | 420,000   | 980,000    | ineligible | none    |

    Scenario Outline: The basic pension counts as income of an older person living alone
      The basic pension (기초연금) is a public transfer counted in the actual income (Decree Article 5(1)).

      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date |
        | lee | head             | 1950-06-15 |
      When the rules are evaluated
      Then the value of blsa_recognised_income for person "lee" is <pension>
      And person "lee" is eligible for blsa_livelihood
      And the blsa_livelihood amount of person "lee" is <amount>

      Examples:
        | date       | pension | amount  |
        | 2025-09-01 | 342,510 | 422,934 |
        | 2026-03-01 | 349,700 | 470,856 |

    Scenario Outline: Savings above the basic property deduction count at 6.26% a month, and the deduction depends on the region
      The basic property deduction (기본재산액) is 99,000,000 in Seoul and 53,000,000 outside the
      metropolitan areas (Decree Article 5-4); what is left of financial assets (금융재산) counts at
      6.26% a month.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | financial_assets |
        | kim | head             | 1976-05-10 | 105,000,000      |
      And the household "h" has sigungu_code <code>
      When the rules are evaluated
      Then the value of blsa_property_income for person "kim" is <converted>
      And person "kim" is <status> for blsa_livelihood
      And the blsa_livelihood amount of person "kim" is <amount>

      Examples: Jongno-gu, Seoul and Taebaek (Gangwon)
        | code  | converted | status     | amount  |
        | 11110 | 375,600   | eligible   | 444,956 |
        | 51190 | 3,255,200 | ineligible | none    |

    Scenario Outline: A car counts at 100% of its value a month, unless it is under 2,000cc and either 10 years old or worth less than 5,000,000
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | vehicle_value | vehicle_cc | vehicle_age_years |
        | kim | head             | 1976-05-10 | <value>       | <cc>       | <years>           |
      When the rules are evaluated
      Then the value of blsa_recognised_income for person "kim" is <recognised>
      And person "kim" is <status> for blsa_livelihood

      Examples:
        | value     | cc    | years | recognised | status     |
        | 3,000,000 | 1,598 | 12    | 0          | eligible   |
        | 4,999,999 | 1,999 | 3     | 0          | eligible   |
        | 5,000,000 | 1,999 | 3     | 5,000,000  | ineligible |
        | 3,000,000 | 2,000 | 12    | 3,000,000  | ineligible |

    Scenario Outline: A lodger (동거인) counts neither in the household's size nor in its income (Decree Article 2)
      A lodger is registered in the household without being family: relation "lodger".

      Given the date is 2026-03-01
      And a household "h" with members:
        | id    | relation_to_head | birth_date | other_income_monthly | financial_assets   |
        | kim   | head             | 1976-05-10 | 900,000              | 0                  |
        | lee   | <relation>       | 1980-01-01 | <lodger_income>      | <lodger_savings>   |
      When the rules are evaluated
      Then the value of household_size for person "kim" is <size>
      And the value of blsa_recognised_income for person "kim" is <recognised>
      And person "kim" is <status> for blsa_livelihood

      Examples:
        | relation | lodger_income | lodger_savings | size | recognised | status     |
        | lodger   | 0             | 0              | 1    | 900,000    | ineligible |
        | lodger   | 500,000       | 100,000,000    | 1    | 900,000    | ineligible |
        | lodger   | unknown       | unknown        | 1    | 900,000    | ineligible |
        | sibling  | 0             | 0              | 2    | 900,000    | eligible   |

    Scenario Outline: A lodger is a household of their own, assessed on their own income (Decree Article 2)
      Given the date is 2026-03-01
      And a household "h" with members:
        | id    | relation_to_head | birth_date | other_income_monthly | financial_assets |
        | kim   | head             | 1976-05-10 | <head_income>        | 0                |
        | lee   | <relation>       | 1980-01-01 | <lodger_income>      | 0                |
      When the rules are evaluated
      Then the value of household_size for person "lee" is <size>
      And the value of blsa_recognised_income for person "lee" is <recognised>
      And person "lee" is <status> for blsa_livelihood

      Examples:
        | relation | head_income | lodger_income | size | recognised | status     |
        | lodger   | 3,000,000   | 300,000       | 1    | 300,000    | eligible   |
        | lodger   | 0           | 3,000,000     | 1    | 3,000,000  | ineligible |
        | sibling  | 3,000,000   | 300,000       | 2    | 3,300,000  | ineligible |
        | sibling  | 0           | 3,000,000     | 2    | 3,000,000  | ineligible |

    Scenario: A lodger's own household is paid to the lodger, the registry household to its head
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | financial_assets |
        | kim | head             | 1976-05-10 | 200,000              | 0                |
        | lee | lodger           | 1980-01-01 | 300,000              | 0                |
      When the rules are evaluated
      Then the blsa_livelihood amount of person "kim" is 620,556
      And the blsa_livelihood amount of person "lee" is 520,556

    Scenario: A couple lodging together is one household of two
      Given the date is 2026-03-01
      And a household "h" with members:
        | id   | relation_to_head | spouse | birth_date | other_income_monthly |
        | kim  | head             |        | 1976-05-10 | 0                    |
        | lee  | lodger           | park   | 1980-01-01 | 300,000              |
        | park | lodger           | lee    | 1981-01-01 | 200,000              |
      When the rules are evaluated
      Then the value of household_size for person "kim" is 1
      And the value of household_size for person "park" is 2
      And the value of blsa_recognised_income for person "park" is 500,000
      And the blsa_livelihood amount of person "park" is none

    Scenario: Whom a household holds is unknown while a member's relation to the head is unknown
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | financial_assets |
        | kim | head             | 1976-05-10 | 0                    | 0                |
        | lee | unknown          | 1980-01-01 | 0                    | 0                |
      When the rules are evaluated
      Then person "kim" is undetermined for blsa_livelihood
      And the missing inputs of person "kim" for blsa_livelihood include relation_to_head from the resident registry

    Scenario: An unknown income leaves the decision undetermined and names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly |
        | kim | head             | 1976-05-10 | unknown              |
      When the rules are evaluated
      Then criterion income of blsa_livelihood is unknown for person "kim"
      And person "kim" is undetermined for blsa_livelihood
      And the missing inputs of person "kim" for blsa_livelihood include other_income_monthly from the earnings registry
      And the blsa_livelihood amount of person "kim" is none

  Rule: [obligatory_provider] No obligatory provider (부양의무자: parents, children and their spouses) has an annual income above 100,000,000 won or general property above 900,000,000 won (Article 8(2), the 2021 abolition of the provider test and its exception)

    Scenario Outline: A provider's annual income 1 won under, at and 1 won over 100,000,000
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | provider_count | provider_max_annual_income |
        | kim | head             | 1976-05-10 | 300,000              | 1              | <provider_income>          |
      When the rules are evaluated
      Then criterion obligatory_provider of blsa_livelihood is <met> for person "kim"
      And person "kim" is <status> for blsa_livelihood

      Examples:
        | date       | provider_income | met   | status     |
        | 2026-03-01 | 99,999,999      | true  | eligible   |
        | 2026-03-01 | 100,000,000     | true  | eligible   |
        | 2026-03-01 | 100,000,001     | false | ineligible |
        | 2025-06-01 | 100,000,000     | true  | eligible   |
        | 2025-06-01 | 100,000,001     | false | ineligible |

    Scenario Outline: A provider's general property 1 won under, at and 1 won over 900,000,000
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | provider_count | provider_max_property |
        | kim | head             | 1976-05-10 | 300,000              | 1              | <provider_property>   |
      When the rules are evaluated
      Then criterion obligatory_provider of blsa_livelihood is <met> for person "kim"
      And person "kim" is <status> for blsa_livelihood

      Examples:
        | provider_property | met   | status     |
        | 899,999,999       | true  | eligible   |
        | 900,000,000       | true  | eligible   |
        | 900,000,001       | false | ineligible |

    Scenario Outline: A lodger's wealthy parent is not the household's provider (Decree Article 2: 동거인 제외)
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | provider_count | provider_max_annual_income |
        | kim | head             | 1976-05-10 | 300,000              | 0              | 0                          |
        | lee | <relation>       | 1980-01-01 | 0                    | 1              | 200,000,000                |
      When the rules are evaluated
      Then criterion obligatory_provider of blsa_livelihood is <met> for person "kim"
      And person "kim" is <status> for blsa_livelihood

      Examples:
        | relation | met   | status     |
        | lodger   | true  | eligible   |
        | sibling  | false | ineligible |

    Scenario: An unknown provider income leaves the decision undetermined
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | other_income_monthly | provider_count | provider_max_annual_income |
        | kim | head             | 1976-05-10 | 300,000              | 1              | unknown                    |
      When the rules are evaluated
      Then criterion obligatory_provider of blsa_livelihood is unknown for person "kim"
      And person "kim" is undetermined for blsa_livelihood
      And the missing inputs of person "kim" for blsa_livelihood include provider_max_annual_income from the family registry
