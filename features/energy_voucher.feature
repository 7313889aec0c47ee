Feature: Energy voucher (에너지바우처)
  Energy Act (에너지법), Articles 16-2 and 16-3, and the yearly guideline of the ministry.

  A household entitled to a BLSA benefit — livelihood, medical aid, housing, or education for
  one of its members — receives a yearly energy voucher when at least one member is vulnerable:
  aged 65 or over, under 7, registered disabled, pregnant, registered with a severe or rare
  disease (산정특례), or the household is a single-parent family. The amount depends on the
  household size and was the same in 2025 and 2026 (won a year):
  1 person 295,200; 2 persons 407,500; 3 persons 532,700; 4 or more persons 701,300.

  Background: a household in Jongno-gu, Seoul (서울 종로구), whose members have no income,
    property, car, obligatory provider, pregnancy or rare disease unless the scenario says
    otherwise
    Given the household "h" has:
      | pregnant                   | no    |
      | rare_disease               | no    |
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

  Rule: [blsa_benefit] The household is entitled to a BLSA benefit: livelihood, medical aid, housing, or education for a member (Article 16-3)

    Scenario Outline: A disabled person living alone, around the housing line of 2025 and of 2026
      The housing line (48% of the median) is the highest line for a household without students:
      1,148,166 (2025) and 1,230,834 (2026) for one person.

      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | other_income_monthly |
        | yoo | head             | 1976-05-10 | yes                   | <income>             |
      When the rules are evaluated
      Then criterion blsa_benefit of energy_voucher is <met> for person "yoo"
      And person "yoo" is <status> for energy_voucher
      And the energy_voucher amount of person "yoo" is <amount>

      Examples:
        | date       | income    | met   | status     | amount  |
        | 2025-06-01 | 1,148,165 | true  | eligible   | 295,200 |
        | 2025-06-01 | 1,148,166 | true  | eligible   | 295,200 |
        | 2025-06-01 | 1,148,167 | false | ineligible | none    |
        | 2026-03-01 | 1,230,833 | true  | eligible   | 295,200 |
        | 2026-03-01 | 1,230,834 | true  | eligible   | 295,200 |
        | 2026-03-01 | 1,230,835 | false | ineligible | none    |

    Scenario Outline: The same person in December 2025 and in January 2026, when the BLSA lines rise
      Given the date is <date>
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | other_income_monthly |
        | yoo | head             | 1976-05-10 | yes                   | 1,200,000            |
      When the rules are evaluated
      Then person "yoo" is <status> for energy_voucher
      And the energy_voucher amount of person "yoo" is <amount>

      Examples:
        | date       | status     | amount  |
        | 2025-12-01 | ineligible | none    |
        | 2026-01-05 | eligible   | 295,200 |

    Scenario: A household entitled only to a child's education benefit qualifies
      Two persons in 2026: above the housing line (2,015,660), at or below the education line
      (2,099,646); the mother is pregnant.

      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | marital_status | school_level | pregnant | other_income_monthly |
        | mother | head             | 1988-04-04 | divorced       | none         | yes      | 2,050,000            |
        | son    | child            | 2011-10-10 | never_married  | middle       | no       | 0                    |
      When the rules are evaluated
      Then person "mother" is ineligible for blsa_housing
      And person "son" is eligible for blsa_education
      And criterion blsa_benefit of energy_voucher is true for person "mother"
      And the energy_voucher amount of person "mother" is 407,500

    Scenario: An unknown income leaves the decision undetermined and names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | other_income_monthly |
        | yoo | head             | 1976-05-10 | yes                   | unknown              |
      When the rules are evaluated
      Then criterion blsa_benefit of energy_voucher is unknown for person "yoo"
      And person "yoo" is undetermined for energy_voucher
      And the missing inputs of person "yoo" for energy_voucher include other_income_monthly from the earnings registry

  Rule: [vulnerable_member] A member is aged 65 or over, under 7, registered disabled, pregnant or registered with a severe or rare disease, or the household is a single-parent family (Article 16-3; ministry guideline)

    Scenario Outline: A person living alone with no income — the 65th birthday
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date |
        | oh  | head             | <born>     |
      When the rules are evaluated
      Then person "oh" is eligible for blsa_livelihood
      And criterion vulnerable_member of energy_voucher is <met> for person "oh"
      And person "oh" is <status> for energy_voucher
      And the energy_voucher amount of person "oh" is <amount>

      Examples:
        | born       | met   | status     | amount  |
        | 1961-03-02 | false | ineligible | none    |
        | 1961-03-01 | true  | eligible   | 295,200 |

    Scenario Outline: A couple with no income and a young child — the 7th birthday
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | spouse | birth_date | marital_status |
        | father | head             | mother | 1986-01-01 | married        |
        | mother | spouse           | father | 1988-01-01 | married        |
        | child  | child            |        | <born>     | never_married  |
      When the rules are evaluated
      Then the value of age for person "child" is <age>
      And criterion vulnerable_member of energy_voucher is <met> for person "father"
      And person "father" is <status> for energy_voucher
      And the energy_voucher amount of person "father" is <amount>
      And the energy_voucher amount of person "mother" is none

      Examples:
        | born       | age | met   | status     | amount  |
        | 2019-03-02 | 6   | true  | eligible   | 532,700 |
        | 2019-03-01 | 7   | false | ineligible | none    |

    Scenario Outline: Disability, pregnancy and rare disease each make a member vulnerable
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | disability_registered | pregnant   | rare_disease |
        | oh  | head             | 1980-01-01 | <disabled>            | <pregnant> | <rare>       |
      When the rules are evaluated
      Then criterion vulnerable_member of energy_voucher is <met> for person "oh"
      And person "oh" is <status> for energy_voucher

      Examples:
        | disabled | pregnant | rare | met     | status       |
        | yes      | no       | no   | true    | eligible     |
        | no       | yes      | no   | true    | eligible     |
        | no       | no       | yes  | true    | eligible     |
        | no       | no       | no   | false   | ineligible   |
        | no       | unknown  | no   | unknown | undetermined |

    Scenario Outline: A lodger aged 65 or over does not make the household vulnerable
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date |
        | oh  | head             | 1980-01-01 |
        | lee | <relation>       | 1950-01-01 |
      When the rules are evaluated
      Then person "oh" is eligible for blsa_livelihood
      And criterion vulnerable_member of energy_voucher is <met> for person "oh"
      And person "oh" is <status> for energy_voucher

      Examples:
        | relation | met   | status     |
        | lodger   | false | ineligible |
        | sibling  | true  | eligible   |

    Scenario: A single-parent family qualifies through the single-parent child support
      Given the date is 2026-03-01
      And a household "h" with members:
        | id     | relation_to_head | birth_date | marital_status |
        | mother | head             | 1985-04-04 | divorced       |
        | girl   | child            | 2014-02-02 | never_married  |
      When the rules are evaluated
      Then person "mother" is eligible for single_parent_support
      And criterion vulnerable_member of energy_voucher is true for person "mother"
      And the energy_voucher amount of person "mother" is 407,500

    Scenario Outline: A family of four receives the same amount in 2025 and in 2026
      Given the date is <date>
      And a household "h" with members:
        | id      | relation_to_head | spouse  | birth_date |
        | grandpa | head             | grandma | 1950-01-01 |
        | grandma | spouse           | grandpa | 1952-01-01 |
        | son     | child            |         | 1980-01-01 |
        | aunt    | other            |         | 1982-01-01 |
      When the rules are evaluated
      Then person "grandpa" is eligible for energy_voucher
      And the energy_voucher amount of person "grandpa" is <amount>

      Examples:
        | date       | amount  |
        | 2025-06-01 | 701,300 |
        | 2026-03-01 | 701,300 |

    Scenario: A household of five receives the four-person amount
      Given the date is 2026-03-01
      And a household "h" with members:
        | id      | relation_to_head | spouse  | birth_date |
        | grandpa | head             | grandma | 1950-01-01 |
        | grandma | spouse           | grandpa | 1952-01-01 |
        | son     | child            |         | 1980-01-01 |
        | aunt    | other            |         | 1982-01-01 |
        | uncle   | other            |         | 1984-01-01 |
      When the rules are evaluated
      Then the value of household_size for person "grandpa" is 5
      And the energy_voucher amount of person "grandpa" is 701,300

    Scenario: An unknown pregnancy record, with no other vulnerable member, names the missing input
      Given the date is 2026-03-01
      And a household "h" with members:
        | id  | relation_to_head | birth_date | pregnant |
        | oh  | head             | 1980-01-01 | unknown  |
      When the rules are evaluated
      Then person "oh" is undetermined for energy_voucher
      And the missing inputs of person "oh" for energy_voucher include pregnant from the health registry
