Feature: Parent Benefit (부모급여)
  Child Allowance Act (아동수당법), Articles 4(5) and 10(4), and its Enforcement Decree (시행령)
  Articles 2(1) and 10-2.

  The parent benefit is an additional child allowance for children under 2: 1,000,000 won a month
  before the first birthday (age 0) and 500,000 won a month from the first to the second birthday
  (age 1), paid on top of the child allowance, by calendar month (the birth month is month 0).
  For a child in a daycare centre (어린이집) part of it is paid as the childcare-fee voucher
  (보육료): the voucher is deducted and only the difference is paid in cash. The amounts are the
  same in 2025 and 2026.

  Background: a household in Jongno-gu, Seoul (서울 종로구)
    Given the household "h" has:
      | sigungu_code | 11110 |

  Rule: [age] The child is under age 2 — 1,000,000 a month at age 0, 500,000 at age 1 (Article 4(5); Decree Article 2(1))

    Scenario Outline: The amount halves in the month of the first birthday and stops in the month of the second
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date |
        | mother | head             | 1990-01-01 |
        | baby   | child            | <born>     |
      When the rules are evaluated
      Then the value of age_months_calendar for person "baby" is <months>
      And criterion age of parent_benefit is <met> for person "baby"
      And person "baby" is <status> for parent_benefit
      And the parent_benefit amount of person "baby" is <amount>
      And person "mother" is ineligible for parent_benefit

      Examples: March 2026
        | born       | months | met   | status     | amount    |
        | 2026-02-20 | 1      | true  | eligible   | 1,000,000 |
        | 2025-04-10 | 11     | true  | eligible   | 1,000,000 |
        | 2025-03-10 | 12     | true  | eligible   | 500,000   |
        | 2024-04-10 | 23     | true  | eligible   | 500,000   |
        | 2024-03-10 | 24     | false | ineligible | none      |
        | 2024-02-10 | 25     | false | ineligible | none      |

    Scenario Outline: A baby of the same age receives the same amount in 2025 and in 2026
      Given the date is <date>
      And a household "h" with members:
        | id     | relation_to_head | birth_date |
        | mother | head             | 1990-01-01 |
        | baby   | child            | <born>     |
      When the rules are evaluated
      Then person "baby" is eligible for parent_benefit
      And the parent_benefit amount of person "baby" is <amount>

      Examples:
        | date       | born       | amount    |
        | 2025-06-01 | 2024-07-10 | 1,000,000 |
        | 2025-06-01 | 2024-06-10 | 500,000   |
        | 2026-06-01 | 2025-07-10 | 1,000,000 |
        | 2026-06-01 | 2025-06-10 | 500,000   |

    Scenario Outline: A child in daycare receives the benefit less the childcare-fee voucher
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | in_daycare | daycare_voucher_monthly |
        | mother | head             | 1990-01-01 | no         | 0                       |
        | baby   | child            | <born>     | yes        | <voucher>               |
      When the rules are evaluated
      Then person "baby" is eligible for parent_benefit
      And the parent_benefit amount of person "baby" is <cash>

      Examples:
        | born       | voucher | cash    |
        | 2025-06-10 | 584,000 | 416,000 |
        | 2024-12-10 | 515,000 | 0       |

    Scenario: An unknown date of birth leaves the decision undetermined and names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date |
        | mother | head             | 1990-01-01 |
        | baby   | child            | unknown    |
      When the rules are evaluated
      Then criterion age of parent_benefit is unknown for person "baby"
      And person "baby" is undetermined for parent_benefit
      And the missing inputs of person "baby" for parent_benefit include birth_date from the resident registry
