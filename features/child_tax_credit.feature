Feature: Child Tax Credit (자녀장려금)
  Restriction of Special Taxation Act (조세특례제한법), Articles 100-27 to 100-31 (with the household
  rules of the earned income tax credit, Articles 100-3 and 100-4).

  A working household with dependent children (부양자녀: the head's children under 18, or disabled,
  whose own income is at most 1,000,000) receives a yearly credit per child when the previous
  year's earned and business income (총급여액등) of the head and spouse is below 70,000,000 won
  and the household's property is below 240,000,000 won. The credit per child is 1,000,000,
  falling to 500,000 at the income limit: 1,000,000 − (E − 21,000,000) × 50/4,900 for one-earner
  households, 1,000,000 − (E − 25,000,000) × 50/4,500 for dual earners (Article 100-29). It is
  halved from 170,000,000 of property (Article 100-30(2)). The figures are the same for 2025 and
  2026 payments.

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

  Rule: [dependent_child] The household has at least one dependent child: the head's child under 18, or disabled, with an income of at most 1,000,000 (Article 100-28(1), Article 100-4)

    Scenario Outline: The child's age, disability and own income
      Given the date is 2026-06-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | disability_registered | earned_income_annual |
        | father | head             | 1978-01-01 | no                    | 20,000,000           |
        | child  | child            | <born>     | <disabled>            | <own_pay>            |
      When the rules are evaluated
      Then the value of ctc_child_count for person "father" is <children>
      And criterion dependent_child of child_tax_credit is <met> for person "father"
      And person "father" is <status> for child_tax_credit
      And the child_tax_credit amount of person "father" is <amount>

      Examples:
        | born       | disabled | own_pay   | children | met   | status     | amount    |
        | 2008-06-02 | no       | 0         | 1        | true  | eligible   | 1,000,000 |
        | 2008-06-01 | no       | 0         | 0        | false | ineligible | none      |
        | 2008-06-01 | yes      | 0         | 1        | true  | eligible   | 1,000,000 |
        | 2012-01-01 | no       | 1,000,000 | 1        | true  | eligible   | 1,000,000 |
        | 2012-01-01 | no       | 1,000,001 | 0        | false | ineligible | none      |

    Scenario: An unknown date of birth of the only child leaves the decision undetermined
      Given the date is 2026-06-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | earned_income_annual |
        | father | head             | 1978-01-01 | 20,000,000           |
        | child  | child            | unknown    | 0                    |
      When the rules are evaluated
      Then criterion dependent_child of child_tax_credit is unknown for person "father"
      And person "father" is undetermined for child_tax_credit
      And the missing inputs of person "father" for child_tax_credit include birth_date from the resident registry

  Rule: [earnings] The household had earned or business income in the previous year (Article 100-28(1))

    Scenario Outline: A household without earnings gets no child tax credit
      Given the date is 2026-06-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | earned_income_annual | business_income_annual |
        | mother | head             | 1985-01-01 | <pay>                | <business>             |
        | girl   | child            | 2016-01-01 | 0                    | 0                      |
      When the rules are evaluated
      Then criterion earnings of child_tax_credit is <met> for person "mother"
      And person "mother" is <status> for child_tax_credit

      Examples:
        | pay       | business  | met   | status     |
        | 0         | 0         | false | ineligible |
        | 0         | 6,000,000 | true  | eligible   |
        | 6,000,000 | 0         | true  | eligible   |

    Scenario: An unknown business income leaves the decision undetermined and names the missing input
      Given the date is 2026-06-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | earned_income_annual | business_income_annual |
        | mother | head             | 1985-01-01 | 0                    | unknown                |
        | girl   | child            | 2016-01-01 | 0                    | 0                      |
      When the rules are evaluated
      Then criterion earnings of child_tax_credit is unknown for person "mother"
      And person "mother" is undetermined for child_tax_credit
      And the missing inputs of person "mother" for child_tax_credit include business_income_annual from the earnings registry

  Rule: [income] The previous year's income of the head and spouse is below 70,000,000 won (Article 100-28(1))

    Scenario Outline: A one-earner family with one child around the limit, in 2025 and 2026
      Given the date is <date>
      And a household "h" with members:
        | id   | relation_to_head | spouse | birth_date | earned_income_annual |
        | park | head             | choi   | 1980-01-01 | <pay>                |
        | choi | spouse           | park   | 1981-01-01 | 0                    |
        | son  | child            |        | 2015-01-01 | 0                    |
      When the rules are evaluated
      Then criterion income of child_tax_credit is <met> for person "park"
      And person "park" is <status> for child_tax_credit
      And the child_tax_credit amount of person "park" is <amount>

      Examples:
        | date       | pay        | met   | status     | amount    |
        | 2026-06-01 | 20,999,999 | true  | eligible   | 1,000,000 |
        | 2026-06-01 | 30,000,000 | true  | eligible   | 908,163   |
        | 2026-06-01 | 69,999,999 | true  | eligible   | 500,000   |
        | 2026-06-01 | 70,000,000 | false | ineligible | none      |
        | 2026-06-01 | 70,000,001 | false | ineligible | none      |
        | 2025-06-01 | 30,000,000 | true  | eligible   | 908,163   |
        | 2025-06-01 | 69,999,999 | true  | eligible   | 500,000   |
        | 2025-06-01 | 70,000,000 | false | ineligible | none      |

    Scenario Outline: A dual-earner family with one child — the credit falls from 25,000,000
      Given the date is 2026-06-01
      And a household "h" with members:
        | id   | relation_to_head | spouse | birth_date | earned_income_annual |
        | park | head             | choi   | 1980-01-01 | <his>                |
        | choi | spouse           | park   | 1981-01-01 | 10,000,000           |
        | son  | child            |        | 2015-01-01 | 0                    |
      When the rules are evaluated
      Then the value of eitc_household_type for person "park" is dual_earner
      And the child_tax_credit amount of person "park" is <amount>

      Examples:
        | his        | amount    |
        | 15,000,000 | 1,000,000 |
        | 20,000,000 | 944,444   |
        | 59,999,999 | 500,000   |

    Scenario: Two children — the credit is per child
      Given the date is 2026-06-01
      And a household "h" with members:
        | id   | relation_to_head | spouse | birth_date | earned_income_annual |
        | park | head             | choi   | 1980-01-01 | 30,000,000           |
        | choi | spouse           | park   | 1981-01-01 | 0                    |
        | son  | child            |        | 2015-01-01 | 0                    |
        | girl | child            |        | 2018-01-01 | 0                    |
      When the rules are evaluated
      Then the child_tax_credit amount of person "park" is 1,816,326
      And the child_tax_credit amount of person "choi" is none
      And the eitc amount of person "park" is 316,666

  Rule: [property] The household's total property is below 240,000,000 won; from 170,000,000 the credit is halved (Article 100-28(1), Article 100-30(2))

    Scenario Outline: Property around the reduction point and the limit, in 2025 and 2026
      Given the date is <date>
      And a household "h" with members:
        | id     | relation_to_head | birth_date | earned_income_annual | lease_deposit |
        | mother | head             | 1985-01-01 | 20,000,000           | <property>    |
        | girl   | child            | 2016-01-01 | 0                    | 0             |
      When the rules are evaluated
      Then criterion property of child_tax_credit is <met> for person "mother"
      And person "mother" is <status> for child_tax_credit
      And the child_tax_credit amount of person "mother" is <amount>

      Examples:
        | date       | property    | met   | status     | amount    |
        | 2026-06-01 | 169,999,999 | true  | eligible   | 1,000,000 |
        | 2026-06-01 | 170,000,000 | true  | eligible   | 500,000   |
        | 2026-06-01 | 239,999,999 | true  | eligible   | 500,000   |
        | 2026-06-01 | 240,000,000 | false | ineligible | none      |
        | 2026-06-01 | 240,000,001 | false | ineligible | none      |
        | 2025-06-01 | 239,999,999 | true  | eligible   | 500,000   |
        | 2025-06-01 | 240,000,000 | false | ineligible | none      |

    Scenario: An unknown lease deposit leaves the decision undetermined and names the missing input
      Given the date is 2026-06-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | earned_income_annual | lease_deposit |
        | mother | head             | 1985-01-01 | 20,000,000           | unknown       |
        | girl   | child            | 2016-01-01 | 0                    | 0             |
      When the rules are evaluated
      Then criterion property of child_tax_credit is unknown for person "mother"
      And person "mother" is undetermined for child_tax_credit
      And the missing inputs of person "mother" for child_tax_credit include lease_deposit from the property registry
