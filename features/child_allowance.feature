Feature: Child Allowance (아동수당)
  Child Allowance Act (아동수당법), Articles 4 and 10, as amended by Act No. 21489 (in force
  2026-03-20, retroactive to 2026-01-01) and its Addenda (부칙) Articles 2 to 4; Enforcement
  Decree (시행령) Article 2.

  Every child under the age limit receives 100,000 won a month, without a means test. The
  allowance is paid until the month before the month of the birthday that reaches the limit
  (Article 10(1)). The limit was 8 in 2025; from 2026 it rises by one year a year (9 in 2026, 10
  in 2027 … 13 in 2030), and children born in 2017 are paid every month of 2026–2029 whatever
  their age (Addenda Article 2(2)). From 2026 a regional supplement is added: +5,000 outside the
  capital area, +10,000 in a depopulation area (인구감소지역) (Article 4(6), Decree Article 2(2)).

  Background: a household in Jongno-gu, Seoul (서울 종로구, capital area)
    Given the household "h" has:
      | sigungu_code | 11110 |

  Rule: [age] The child is under the age limit — 8 in 2025, 9 in 2026, 10 in 2027, 11 in 2028, 12 in 2029, 13 from 2030 — until the month before the birthday month; children born in 2017 are paid throughout 2026–2029 (Article 4(1), Article 10(1); Addenda of Act No. 21489 Article 2)

    Scenario Outline: In 2025 the allowance stops in the month of the 8th birthday
      Given the date is 2025-06-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date |
        | mother | head             | 1988-01-01 |
        | child  | child            | <born>     |
      When the rules are evaluated
      Then criterion age of child_allowance is <met> for person "child"
      And person "child" is <status> for child_allowance
      And the child_allowance amount of person "child" is <amount>

      Examples: June 2025
        | born       | met   | status     | amount  |
        | 2017-07-10 | true  | eligible   | 100,000 |
        | 2017-06-10 | false | ineligible | none    |
        | 2017-05-10 | false | ineligible | none    |

    Scenario Outline: In 2026 the limit is 9, and every child born in 2017 is paid
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date |
        | mother | head             | 1988-01-01 |
        | child  | child            | <born>     |
      When the rules are evaluated
      Then criterion age of child_allowance is <met> for person "child"
      And person "child" is <status> for child_allowance

      Examples: March 2026
        | born       | met   | status     |
        | 2018-03-10 | true  | eligible   |
        | 2017-04-10 | true  | eligible   |
        | 2017-03-10 | true  | eligible   |
        | 2017-01-10 | true  | eligible   |
        | 2016-12-10 | false | ineligible |
        | 2016-03-10 | false | ineligible |

    Scenario Outline: From 2027 to 2030 the limit rises by one year each January
      The limit is 10 in 2027, 11 in 2028, 12 in 2029 and 13 in 2030 (Addenda Article 2(1)): a
      child is under it while the age in months, counting the birth month as month 0, is below 12
      times the limit (120, 132, 144, 156). In 2027–2029 the children who reach the limit are those
      born in 2017, who are paid all year (Addenda Article 2(2)); that rule ends with 2029, so in
      2030 a child born in 2017 stops in the month of the 13th birthday. A child born in December
      2016 is over the limit in every one of these years.

      Given the date is <date>
      And a household "h" with members:
        | id     | relation_to_head | birth_date |
        | mother | head             | 1985-01-01 |
        | child  | child            | <born>     |
      When the rules are evaluated
      Then the value of age_months_calendar for person "child" is <months>
      And criterion age of child_allowance is <met> for person "child"
      And person "child" is <status> for child_allowance
      And the child_allowance amount of person "child" is <amount>

      Examples: 2027 — under 10 (120 months)
        | date       | born       | months | met   | status     | amount  |
        | 2027-06-01 | 2017-07-10 | 119    | true  | eligible   | 100,000 |
        | 2027-07-01 | 2017-07-10 | 120    | true  | eligible   | 100,000 |
        | 2027-01-05 | 2016-12-10 | 121    | false | ineligible | none    |

      Examples: 2028 — under 11 (132 months)
        | date       | born       | months | met   | status     | amount  |
        | 2028-06-01 | 2017-07-10 | 131    | true  | eligible   | 100,000 |
        | 2028-07-01 | 2017-07-10 | 132    | true  | eligible   | 100,000 |
        | 2028-01-05 | 2016-12-10 | 133    | false | ineligible | none    |

      Examples: 2029 — under 12 (144 months)
        | date       | born       | months | met   | status     | amount  |
        | 2029-06-01 | 2017-07-10 | 143    | true  | eligible   | 100,000 |
        | 2029-07-01 | 2017-07-10 | 144    | true  | eligible   | 100,000 |
        | 2029-01-05 | 2016-12-10 | 145    | false | ineligible | none    |

      Examples: 2030 — under 13 (156 months), no special rule for 2017 any more
        | date       | born       | months | met   | status     | amount  |
        | 2030-06-01 | 2017-07-10 | 155    | true  | eligible   | 100,000 |
        | 2030-07-01 | 2017-07-10 | 156    | false | ineligible | none    |
        | 2030-01-05 | 2016-12-10 | 157    | false | ineligible | none    |

    Scenario Outline: A child born in December 2017 stops in December 2025 and is paid again from January 2026
      Given the date is <date>
      And a household "h" with members:
        | id     | relation_to_head | birth_date |
        | mother | head             | 1988-01-01 |
        | child  | child            | 2017-12-10 |
      When the rules are evaluated
      Then person "child" is <status> for child_allowance
      And the child_allowance amount of person "child" is <amount>

      Examples:
        | date       | status     | amount  |
        | 2025-11-01 | eligible   | 100,000 |
        | 2025-12-01 | ineligible | none    |
        | 2026-01-05 | eligible   | 100,000 |

    Scenario Outline: From 2026 a supplement is added outside the capital area and more in depopulation areas
      Given the date is <date>
      And a household "h" with members:
        | id     | relation_to_head | birth_date |
        | mother | head             | 1988-01-01 |
        | child  | child            | 2021-05-05 |
      And the household "h" has sigungu_code <code>
      When the rules are evaluated
      Then the child_allowance amount of person "child" is <amount>
      And person "mother" is ineligible for child_allowance

      Examples: 2025 — no supplement
        | date       | code  | amount  |
        | 2025-06-01 | 11110 | 100,000 |
        | 2025-06-01 | 51130 | 100,000 |
        | 2025-06-01 | 51190 | 100,000 |

      Examples: 2026 — Jongno-gu Seoul (capital), Wonju (not capital), Taebaek (depopulation area), Ganghwa (capital and depopulation area)
        | date       | code  | amount  |
        | 2026-03-01 | 11110 | 100,000 |
        | 2026-03-01 | 51130 | 105,000 |
        | 2026-03-01 | 51190 | 110,000 |
        | 2026-03-01 | 28710 | 110,000 |

    Scenario: An unknown date of birth leaves the decision undetermined and names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date |
        | mother | head             | 1988-01-01 |
        | child  | child            | unknown    |
      When the rules are evaluated
      Then criterion age of child_allowance is unknown for person "child"
      And person "child" is undetermined for child_allowance
      And the missing inputs of person "child" for child_allowance include birth_date from the resident registry
