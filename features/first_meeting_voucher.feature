Feature: First Meeting voucher (첫만남이용권)
  Child Allowance Act (아동수당법), Article 10-2, and its Enforcement Decree (시행령) Article 10-3.

  Each newborn child receives a one-off voucher (국민행복카드): 2,000,000 won for a first child and
  3,000,000 won for a second or later child, counted by birth order (each twin by its own order).
  The voucher can be used until two years after the birth (Decree Article 10-3(6)), so the engine
  flags a child while the voucher could still be used. The amounts are the same in 2025 and 2026;
  the 3,000,000 for a later child applies to births from 2024-01-01, and a later child born before
  then receives the 2,000,000 that every child received before the 2024 raise.

  Background: a household in Jongno-gu, Seoul (서울 종로구)
    Given the household "h" has:
      | sigungu_code | 11110 |

  Rule: [born_within_use_period] The child was born less than two years ago, within the voucher's use period (Decree Article 10-3(6))

    Scenario Outline: A child is flagged until the day before the second birthday
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | birth_order |
        | mother | head             | 1990-01-01 | 1           |
        | baby   | child            | <born>     | 1           |
      When the rules are evaluated
      Then criterion born_within_use_period of first_meeting_voucher is <met> for person "baby"
      And person "baby" is <status> for first_meeting_voucher
      And the first_meeting_voucher amount of person "baby" is <amount>

      Examples:
        | born       | met   | status     | amount    |
        | 2026-02-27 | true  | eligible   | 2,000,000 |
        | 2024-03-02 | true  | eligible   | 2,000,000 |
        | 2024-03-01 | false | ineligible | none      |
        | 2024-02-29 | false | ineligible | none      |

    Scenario Outline: 2,000,000 for a first child, 3,000,000 for a second or later child, in 2025 and in 2026
      Given the date is <date>
      And a household "h" with members:
        | id     | relation_to_head | birth_date | birth_order |
        | mother | head             | 1990-01-01 | 1           |
        | baby   | child            | <born>     | <order>     |
      When the rules are evaluated
      Then person "baby" is eligible for first_meeting_voucher
      And the first_meeting_voucher amount of person "baby" is <amount>

      Examples:
        | date       | born       | order | amount    |
        | 2025-06-01 | 2025-05-01 | 1     | 2,000,000 |
        | 2025-06-01 | 2025-05-01 | 2     | 3,000,000 |
        | 2026-06-01 | 2026-05-01 | 1     | 2,000,000 |
        | 2026-06-01 | 2026-05-01 | 2     | 3,000,000 |
        | 2026-06-01 | 2026-05-01 | 3     | 3,000,000 |

    Scenario Outline: The later-child amount applies to births from 2024-01-01
      Given the date is 2025-06-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | birth_order |
        | mother | head             | 1990-01-01 | 1           |
        | baby   | child            | <born>     | 2           |
      When the rules are evaluated
      Then person "baby" is eligible for first_meeting_voucher
      And the first_meeting_voucher amount of person "baby" is <amount>

      Examples:
        | born       | amount    |
        | 2023-12-31 | 2,000,000 |
        | 2024-01-01 | 3,000,000 |

    Scenario: Twins born second and third each receive the amount for a later child
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | birth_order |
        | mother | head             | 1990-01-01 | 1           |
        | elder  | child            | 2022-06-01 | 1           |
        | twin1  | child            | 2026-01-15 | 2           |
        | twin2  | child            | 2026-01-15 | 3           |
      When the rules are evaluated
      Then person "elder" is ineligible for first_meeting_voucher
      And the first_meeting_voucher amount of person "twin1" is 3,000,000
      And the first_meeting_voucher amount of person "twin2" is 3,000,000

    Scenario: An unknown date of birth leaves the decision undetermined and names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | birth_order |
        | mother | head             | 1990-01-01 | 1           |
        | baby   | child            | unknown    | 1           |
      When the rules are evaluated
      Then criterion born_within_use_period of first_meeting_voucher is unknown for person "baby"
      And person "baby" is undetermined for first_meeting_voucher
      And the missing inputs of person "baby" for first_meeting_voucher include birth_date from the resident registry

    Scenario: An unknown birth order leaves the child entitled but the amount unknown
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | birth_order |
        | mother | head             | 1990-01-01 | 1           |
        | baby   | child            | 2026-01-15 | unknown     |
      When the rules are evaluated
      Then person "baby" is eligible for first_meeting_voucher
      And the first_meeting_voucher amount of person "baby" is unknown
