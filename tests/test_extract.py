"""Fact extraction: gold scores, units and dates, and offsets that point at their text."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from conftest import DATA, SAMPLES

from flows.evaluate import evaluate_facts, overall
from transforms.entities import find_mentions
from transforms.extract import extract
from transforms.facts import find_dates
from transforms.normalize import normalize


def test_seed_gold_targets():
    scores, checks = evaluate_facts(DATA / "gold_seeds.yaml", SAMPLES)
    assert overall(scores).f1 >= 0.95
    for kind, s in scores.items():
        assert s.f1 >= 0.90, (kind, s.misses, s.extras)
    assert checks["title"][0] == checks["title"][1]
    assert checks["encoding"][0] == checks["encoding"][1]
    assert checks["measure"][0] == checks["measure"][1]


def test_metric_measures_agree_with_the_gold_of_every_set():
    """The measure is not part of F1 (a metric is found by value and unit); across every gold set,
    the measures found must share a content word with the gold's in 88% of the metrics found
    (0.762 before the measure named in the clause was read, 0.893 after)."""
    agree = total = 0
    for gold in sorted(DATA.glob("gold_*.yaml")):
        name = gold.stem[5:]
        source = SAMPLES if name == "seeds" else DATA / ("clean" if name == "heldout" else name)
        _, checks = evaluate_facts(gold, source)
        agree, total = agree + checks["measure"][0], total + checks["measure"][1]
    assert total > 1000
    assert agree / total >= 0.88, (agree, total)


def test_held_out_gold_target():
    scores, _ = evaluate_facts(DATA / "gold_heldout.yaml", DATA / "clean")
    assert overall(scores).f1 >= 0.85, [m for s in scores.values() for m in s.misses + s.extras]


@pytest.mark.parametrize(("text", "value", "unit", "approx"), [
    ("saving ~RMB 1.71 million in annual savings", 1_710_000, "CNY", True),
    ("prices reached A$79.1 per kilogram", 79.1, "AUD/kg", False),
    ("claims ~80 m³/day reduced freshwater use", 80, "m3/day", True),
    ("a floor of $110 per kilogram for NdPr", 110, "USD/kg", False),
    ("revenue of RMB 3.5 billion", 3_500_000_000, "CNY", False),
    ("a 260% efficiency gain", 260, "percent", False),
    ("capacity of 7,000 tonnes per year of magnets", 7000, "tonne/year", False),
    ("about 1,000 tonnes of magnets annually", 1000, "tonne/year", True),
    ("costs 5.2 million yuan", 5_200_000, "CNY", False),
    ("it holds 46 valid patents", 46, "count", False),
    ("it has reclaimed 3,400 mu of farmland", 3400, "mu", False),
    ("fluoride in its discharge stays under 8 mg/L", 8, "mg/L", False),
])
def test_metric_normalization(text, value, unit, approx):
    facts = extract(f"The company said {text}.")
    got = [(m.value, m.unit, m.approximate) for m in facts.metrics]
    assert (pytest.approx(value), unit, approx) in [(pytest.approx(v), u, a) for v, u, a in got] or \
        any(abs(v - value) < 1e-6 and u == unit and a == approx for v, u, a in got), got


@pytest.mark.parametrize("text", [
    "In 2025, output rose.", "The 38th meeting was held.", "The No. 204 Workshop opened.",
    "the 15th Five-Year Plan",
])
def test_years_ordinals_and_list_numbers_are_not_metrics(text):
    assert extract(text).metrics == []


def test_date_range_with_year_from_article():
    d = find_dates("From March 31 to April 1, Li visited", 2025)[0]
    assert (d.start, d.end, d.start_md, d.end_md) == (date(2025, 3, 31), date(2025, 4, 1), "--03-31", "--04-01")
    d = find_dates("From March 31 to April 1, Li visited", None)[0]
    assert (d.start, d.end, d.start_md) == (None, None, "--03-31")


@pytest.mark.parametrize(("sentence", "person", "titles", "org"), [
    ("Baogang Group General Manager and Party Vice Secretary Li Xiao led a delegation.",
     "Li Xiao", {"General Manager", "Party Vice Secretary"}, "Baogang Group"),
    ("On November 25, Meng met with Ma Xianfeng, Party Secretary and Chairman of China Mobile Inner Mongolia.",
     "Ma Xianfeng", {"Party Secretary", "Chairman"}, "China Mobile Inner Mongolia"),
    ("Keshiketeng Banner Party Secretary Zhou Jingmin welcomed the delegation.",
     "Zhou Jingmin", {"Party Secretary"}, "Keshiketeng Banner"),
    ("Lynas CEO Amanda Lacaze said the plant would open.", "Amanda Lacaze", {"CEO"}, "Lynas Rare Earths"),
])
def test_roles(sentence, person, titles, org):
    roles = extract(sentence).roles
    assert {r.title for r in roles if r.person == person} == titles
    assert {r.organization for r in roles if r.person == person} == {org}


def test_pronoun_quote_goes_to_last_named_person():
    text = ("Baogang Group Chairman Meng Fanying met the delegation. "
            "“We will deepen cooperation with local authorities,” she said.")
    quotes = extract(text).quotes
    assert [(q.speaker, q.quote) for q in quotes] == [
        ("Meng Fanying", "We will deepen cooperation with local authorities")]


def test_scare_quotes_and_quoted_names_are_not_quotes():
    text = ("Baogang Chair Meng Fanying emphasized Inner Mongolia’s “Five Key Tasks” agenda and "
            "the push for “new quality productivity” across the group.")
    assert extract(text).quotes == []


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_every_offset_points_at_its_text(name):
    doc = normalize((SAMPLES / name).read_bytes())
    f = extract(doc.text)
    assert f.mentions
    for m in f.mentions:
        assert doc.text[m.start : m.end] == m.surface
    for q in f.quotes:
        assert doc.text[q.start : q.end] == q.quote
    for m in f.metrics:
        assert doc.text[m.start : m.end] == m.text


# Articles annotated before the extractor first ran on them; the F1 of that first run in
# comments (the rules were improved after each set, so these are no longer unseen).
@pytest.mark.parametrize("name", [
    "blind",   # 0.907
    "blind2",  # 0.840
    "blind3",  # 0.927
    "blind4",  # 0.803
    "blind5",  # 0.885
    "blind6",  # 0.983
    "blind7",  # 0.901
    "blind8",  # 0.929
    "blind9",  # 0.770
    "blind10",  # 0.845
    "blind11",  # 0.907
    "blind12",  # 0.960
    "blind13",  # 0.816
    "blind14",  # 0.833
    "blind15",  # 0.881
    "blind16",  # 0.915
    "blind17",  # 0.917
    "blind18",  # 0.957
    "blind19",  # 0.921 (0.935 once a YAML quoting slip in two company names was fixed)
    "blind20",  # 0.841
    "blind21",  # 0.935
    "blind22",  # 0.862
    "blind23",  # 0.845
    "blind24",  # 0.937
    "blind25",  # 0.871
    "blind26",  # 0.899
    "blind27",  # 0.836
    "blind28",  # 0.886
    "blind29",  # 0.930
    "blind30",  # 0.882
    "blind31",  # 0.905 (0.920 against the gold as first committed, which split a ministry's name at its commas)
    "blind32",  # 0.787 (0.792 with the gold's slip fixed: `Minister of Trade and Industry` listed as a second title)
    "blind33",  # 0.879 (0.885 with the gold's slip fixed: the exchange `ASX` left out instead of optional)
    "blind34",  # 0.787
    "blind35",  # 0.958
    "blind36",  # 0.970
    "blind37",  # 0.955 (0.968 with the gold's slip fixed: two dates given a year the article never states)
    "blind38",  # 0.864 (0.871 with the gold's slip fixed: `within 15 days` required as a metric)
    "blind39",  # 0.953
    "blind40",  # 0.944
    "blind41",  # 0.937
    "blind42",  # 0.959 (0.976 with the gold's slip fixed: a minister given a country blind28's gold leaves out)
    "blind43",  # 0.927
    "blind44",  # 0.983
    "blind45",  # 0.958
    "blind46",  # 0.937 (0.953 with the gold's slip fixed: two undated signings left out)
    "blind47",  # 0.958
    "blind48",  # 0.963
    "blind49",  # 0.944
    "blind50",  # 0.935
    "blind51",  # 0.900
    "blind52",  # 0.881 (0.892 with the gold's slip fixed: the optional place Donald lacked the spelling `Donald project`)
    "blind53",  # 0.935
    "blind54",  # 0.889
    "blind55",  # 0.907
    "blind56",  # 0.887
    "blind57",  # 0.901
    "blind58",  # 0.930 (0.943 with the gold's slip fixed: a grant received counted as an award)
    "blind59",  # 0.831 (0.844 with the gold's slip fixed: China required where the text only says `Chinese`)
    "blind60",  # 0.944
    "blind61",  # 0.936
    "blind62",  # 0.842 (0.872 with the gold's slips fixed: a legal name unquoted in YAML; a Vice Mayor's city)
    "blind63",  # 0.917
    "blind64",  # 0.867
    "blind65",  # 0.955
    "blind66",  # 0.951
    "blind67",  # 0.806 (below the target at first)
    "blind68",  # 0.987
    "blind69",  # 0.693 (below the target at first)
    "blind70",  # 0.816 (0.851 with the gold's slips fixed: Beijing left out; a set phrase after `would` counted as a quote)
    "blind71",  # 0.795 (0.806 with the gold's slip fixed: `At the 42nd meeting of …` counted, against the seeds gold)
    "blind72",  # 0.863
    "blind73",  # 0.867
    "blind74",  # 0.955
    "blind75",  # 0.942
    "blind76",  # 0.863
    "blind77",  # 0.857
    "blind78",  # 0.928
    "blind79",  # 0.850
    "blind80",  # 0.744
    "blind81",  # 0.759
    "blind82",  # 0.977
    "blind83",  # 0.957
    "blind84",  # 1.000
    "blind85",  # 0.900
    "blind86",  # 0.933
    "blind87",  # 0.957
    "blind88",  # 0.939
    "blind89",  # 0.977
    "blind90",  # 0.951
    "blind91",  # 0.913
    "blind92",  # 0.857
    "blind93",  # 1.000
    "blind94",  # 0.970
    "blind95",  # 1.000
    "blind96",  # 0.769
    "blind97",  # 0.930
    "blind98",  # 0.854
    "blind99",  # 0.984
    "blind100",  # 0.945
    "blind101",  # 0.878
    "blind102",  # 0.979
    "blind103",  # 0.885
    "blind104",  # 0.909
    "blind105",  # 1.000
    "blind106",  # 0.911
    "blind107",  # 0.929
    "blind108",  # 0.939
    "blind109",  # 0.909
    "blind110",  # 0.813
    "blind111",  # 0.960
    "blind112",  # 0.964
])
def test_blind_gold_target(name):
    scores, checks = evaluate_facts(DATA / f"gold_{name}.yaml", DATA / name)
    assert overall(scores).f1 >= 0.85, [m for s in scores.values() for m in s.misses + s.extras]
    assert checks["title"][0] == checks["title"][1]


def test_month_and_year_is_not_a_day():
    assert find_dates("controls tightened in April 2025, and prices rose", 2025) == []


def test_counted_nouns_take_their_multiplier():
    facts = extract("The plant can supply about 1.5 million electric vehicles.")
    assert [(m.value, m.unit) for m in facts.metrics] == [(1_500_000, "count")]


def _role_rows(facts) -> set[tuple[str, str, str | None]]:
    return {(r.person, r.title, r.organization) for r in facts.roles}


def _roles(text: str) -> set[tuple[str, str, str | None]]:
    return _role_rows(extract(text))


def _canonicals(facts, entity_type: str) -> set[str]:
    return {m.canonical for m in facts.mentions if m.entity_type == entity_type}


def test_second_office_after_the_first_organization():
    roles = _roles("Xu Xiaoming, Deputy Secretary of the Ganzhou Municipal Party Committee and Mayor "
                   "of Ganzhou, met the delegation.")
    assert roles == {("Xu Xiaoming", "Deputy Secretary", "Ganzhou Municipal Party Committee"),
                     ("Xu Xiaoming", "Mayor", "Ganzhou")}


def test_a_further_title_without_its_own_of_is_someone_else():
    roles = _roles("Li Xiao, General Manager of Baogang Group and Chairman Meng Fanying met him.")
    assert ("Li Xiao", "Chairman", None) not in roles
    assert ("Li Xiao", "General Manager", "Baogang Group") in roles


def test_place_named_before_the_office_is_its_organization():
    roles = _roles("Chris Wright, the U.S. Secretary of Energy, visited the mill.")
    assert roles == {("Chris Wright", "Secretary of Energy", "United States")}


def test_based_prefix_and_line_breaks_do_not_join_names():
    f = extract("Prices fell in China.\nToronto-based Neo Performance Materials opened a plant.")
    orgs = {m.surface for m in f.mentions if m.entity_type == "organization"}
    places = {m.surface for m in f.mentions if m.entity_type == "place"}
    assert orgs == {"Neo Performance Materials"}
    assert {"Toronto", "China"} <= places


def test_the_meeting_refers_back_to_the_dated_one():
    f = extract("On June 12, 2025, Meng Fanying met with Xu Xiaoming, Mayor of Ganzhou, in Baotou. "
                "The two sides discussed magnets. Zhang Zhigang and Liu Pei attended the meeting.")
    assert len(f.events) == 1
    ev = f.events[0]
    assert ev.start_date == date(2025, 6, 12) and ev.location == "Baotou"
    assert {"Meng Fanying", "Xu Xiaoming", "Zhang Zhigang", "Liu Pei"} <= set(ev.people)


def test_wire_dateline_place():
    f = extract("PERTH, July 22, 2025 — Lynas Rare Earths reported record output.")
    assert [(m.surface, m.canonical) for m in f.mentions if m.entity_type == "place"] == [("PERTH", "Perth")]


def test_quote_said_before_a_titled_speaker():
    f = extract("“American manufacturing is essential to our future,” said Apple CEO Tim Cook. "
                "MP Materials shares rose.")
    assert [(q.speaker, q.quote) for q in f.quotes] == [
        ("Tim Cook", "American manufacturing is essential to our future")]
    assert {m.surface for m in f.mentions if m.entity_type == "organization"} == {"Apple", "MP Materials"}


def test_former_office_and_hyphenated_title():
    roles = _roles("“It is a secret,” said Chen Zhanheng, a former Deputy Secretary-General of the "
                   "China Rare Earth Industry Association.")
    assert roles == {("Chen Zhanheng", "Deputy Secretary-General", "China Rare Earth Industry Association")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Output rose to 1.2 million tonnes last year.", [(1_200_000, "tonne")]),
    ("Lacaze visited the site on July 9 with officials.", []),
])
def test_quantities_with_multipliers_and_no_day_numbers(text, expected):
    assert [(m.value, m.unit) for m in extract(text).metrics] == expected


def test_infinitive_trigger_and_award_ceremony_are_one_event_each():
    f = extract("Baogang Steel Wins Quality Award\nFrom March 3 to 5, 2026, Ding Wenjun led a delegation "
                "to Ganzhou to inspect separation plants. On March 6, 2026, the company received the "
                "award at a ceremony in Beijing.")
    got = sorted((e.event_type, str(e.start_date)) for e in f.events)
    assert got == [("ceremony", "2026-03-06"), ("inspection", "2026-03-03")]


def test_organization_names_joined_by_of_for_and():
    f = extract("The State Administration for Market Regulation praised the Jiangxi University of "
                "Science and Technology.")
    assert {m.surface for m in f.mentions if m.entity_type == "organization"} == {
        "State Administration for Market Regulation", "Jiangxi University of Science and Technology"}


def test_names_with_accented_capitals_and_lower_case_offices():
    f = extract("On June 11, 2025, Commerce Minister Wang Wentao met European Commission trade "
                "commissioner Maroš Šefčovič in Paris.")
    assert {m.canonical for m in f.mentions if m.entity_type == "person"} == {"Wang Wentao", "Maroš Šefčovič"}
    assert ("Maroš Šefčovič", "Commissioner", "European Commission") in {
        (r.person, r.title, r.organization) for r in f.roles}
    assert _roles("“It is down,” said Ryan Castilloux, founder and managing director of Adamas "
                  "Intelligence.") == {("Ryan Castilloux", "Founder", "Adamas Intelligence"),
                                       ("Ryan Castilloux", "Managing Director", "Adamas Intelligence")}


def test_honorific_and_surname_is_the_named_person():
    f = extract("Managing Director Darryl Cuzzubbo spoke in Darwin. “We will build it on time,” "
                "Mr Cuzzubbo said.")
    assert {m.canonical for m in f.mentions if m.entity_type == "person"} == {"Darryl Cuzzubbo"}
    assert [q.speaker for q in f.quotes] == ["Darryl Cuzzubbo"]


def test_office_after_a_committee_membership():
    roles = _roles("Sun Guolong, member of the Party Committee Standing Committee and Deputy General "
                   "Manager of Baogang Group, presided.")
    assert roles == {("Sun Guolong", "Deputy General Manager", "Baogang Group")}


def test_gathering_takes_next_sentence_people_and_dates_what_happened_at_it():
    f = extract("On January 8, 2025, the Baogang Group Work Conference was held in Baotou. Meng "
                "Fanying delivered a work report. At the conference, Baogang Group signed target "
                "letters with its subsidiaries.")
    got = {(e.event_type, str(e.start_date), tuple(e.people)) for e in f.events}
    assert got == {("meeting", "2025-01-08", ("Meng Fanying",)), ("agreement", "2025-01-08", ())}


def test_undated_announcements_and_conference_calls_are_not_events():
    f = extract("Baogang has announced an internal transformation. Lynas told analysts on a "
                "conference call that output rose.")
    assert f.events == []
    f = extract("On April 4, 2025, the Ministry of Commerce announced export controls.")
    assert [(e.event_type, str(e.start_date)) for e in f.events] == [("announcement", "2025-04-04")]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The mine is 135 kilometres north of Alice Springs.", 135, "km"),
    ("A licence takes up to 45 working days.", 45, "day"),
])
def test_more_unit_spellings(text, value, unit):
    assert [(m.value, m.unit) for m in extract(text).metrics] == [(value, unit)]


@pytest.mark.parametrize(("text", "unit"), [
    ("Japan’s Sojitz agreed to invest a further ¥20 billion in Lynas.", "JPY"),
    ("Baogang invested ¥20 billion in new lines.", "CNY"),
])
def test_yen_sign_by_country(text, unit):
    assert [(m.value, m.unit) for m in extract(text).metrics] == [(20_000_000_000, unit)]


def test_a_signed_decree_is_an_announcement_and_talks_under_way_are_no_event():
    f = extract("BEIJING, June 29, 2024 -- Premier Li Qiang has signed a State Council decree to "
                "promulgate the Regulations on Rare Earth Management. Mkango was in talks with magnet makers.")
    assert [(e.event_type, str(e.start_date), e.people) for e in f.events] == [
        ("announcement", "2024-06-29", ["Li Qiang"])]


@pytest.mark.parametrize(("text", "role"), [
    ("On July 2, Vice Minister of Industry and Information Technology Xin Guobin held a meeting.",
     ("Xin Guobin", "Vice Minister", "Ministry of Industry and Information Technology")),
    ("Malawi’s Minister of Mining, Kenneth Zikhale Ng’oma, visited Songwe Hill.",
     ("Kenneth Zikhale Ng’oma", "Minister", "Malawi")),
    ("“It is slow,” said Tran Thi Mai, a mining analyst at SSI Securities in Hanoi.",
     ("Tran Thi Mai", "Analyst", "SSI Securities")),
])
def test_offices_with_portfolio_or_modifier(text, role):
    assert role in _roles(text)


def test_office_portfolio_is_not_an_organization():
    f = extract("Vice Minister of Industry and Information Technology Xin Guobin held a meeting.")
    assert [m.surface for m in f.mentions if m.entity_type == "organization"] == []


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The mine will produce 5,954 tonnes of REO per year.", 5954, "tonne/year"),
    ("It has an 18-year mine life.", 18, "year"),
])
def test_yearly_rates_and_durations(text, value, unit):
    assert [(m.value, m.unit) for m in extract(text).metrics] == [(value, unit)]


def test_dated_statement_is_an_announcement():
    f = extract("China Rare Earth Group said on September 3, 2025 that it would take control of "
                "three mines. Lynas said on Tuesday that output rose.")
    assert [(e.event_type, str(e.start_date), e.organizations) for e in f.events] == [
        ("announcement", "2025-09-03", ["China Rare Earth Group"])]


def test_said_at_the_meeting_is_the_meeting_named_before():
    f = extract("The two companies held their quarterly pricing meeting in Baotou. Prices rose. "
                "“Demand is strong,” General Manager Liu Pei said at the meeting.")
    assert len(f.events) == 1 and f.events[0].people == ["Liu Pei"]


def test_title_in_apposition_names_the_person():
    facts = extract("USA Rare Earth said it was on track. The company’s chief executive, Barbara Humpton, "
                    "told analysts the line was ready.")
    assert [m.canonical for m in facts.mentions if m.entity_type == "person"] == ["Barbara Humpton"]
    assert [(r.person, r.title) for r in facts.roles] == [("Barbara Humpton", "Chief Executive")]


def test_more_currencies_and_us_dollar_is_no_place():
    facts = extract("Tax credits of up to R$5 billion, a S$12 million grant and a US$42.3 million loss.")
    assert [(m.value, m.unit) for m in facts.metrics] == [
        (5_000_000_000, "BRL"), (12_000_000, "SGD"), (42_300_000, "USD")]
    assert [m.surface for m in facts.mentions if m.entity_type == "place"] == []


def test_organizations_named_by_office_of_place():
    facts = extract("It signed an agreement with the University of Texas at El Paso and the Ministry of Commerce.")
    orgs = [m.surface for m in facts.mentions if m.entity_type == "organization"]
    assert "University of Texas at El Paso" in orgs
    assert any(o.endswith("Ministry of Commerce") or o == "MOFCOM" for o in orgs + [
        m.canonical for m in facts.mentions])


def test_counties_and_development_zones_are_places():
    facts = extract("The deposit lies in Hudspeth County, Texas. The delegation visited the Baotou Rare "
                    "Earth High-Tech Industrial Development Zone.")
    places = {m.surface: m.entity_type for m in facts.mentions}
    assert places["Hudspeth County"] == "place"
    assert places["Baotou Rare Earth High-Tech Industrial Development Zone"] == "place"
    assert "Baotou Rare Earth" not in places


def test_planned_signing_is_not_an_event_but_a_dated_one_is():
    assert extract("The two sides plan to sign a strategic cooperation agreement before the end of "
                   "the year.").events == []
    facts = extract("Release time: 2025-10-15\nThe two sides will sign the agreement on October 20, 2025.")
    assert [(e.event_type, e.start_md) for e in facts.events] == [("agreement", "--10-20")]


def test_that_day_and_the_next_day_take_the_date_told_before():
    facts = extract("On October 14, 2025, Meng Fanying met Huang Changgeng in Baotou.\n"
                    "Earlier that day, Huang Changgeng visited the Baogang Rare Earth Steel Plate Company.\n"
                    "The next day, Huang Changgeng inspected the Bayan Obo mine.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("meeting", "2025-10-14"), ("visit", "2025-10-14"), ("inspection", "2025-10-15")]


def test_state_media_release_line_is_a_date_line_under_the_title():
    doc = normalize(b"Baogang and Xiamen Tungsten Hold Talks on Cooperation\n"
                    b"Release time: 2025-10-15 08:30  Source: Baogang Daily\n"
                    b"On the afternoon of October 14, the two companies held talks.\n")
    assert doc.title == "Baogang and Xiamen Tungsten Hold Talks on Cooperation"
    assert doc.published_on == date(2025, 10, 15)


def test_people_who_accompany_or_receive_a_delegation_take_part():
    facts = extract("On November 3, Wang Lixia led a delegation to Baotou to inspect the rare earth industry. "
                    "She was accompanied by Baotou Mayor Zhang Jinliang. Baogang Group Chairman Meng Fanying "
                    "received the delegation.")
    [ev] = facts.events
    assert ev.people == ["Wang Lixia", "Zhang Jinliang", "Meng Fanying"]
    assert "Baogang Group" in ev.organizations


def test_offices_of_a_party_committee_and_a_region():
    assert _roles("Wang Lixia, Deputy Secretary of the Party Committee and Chairwoman of the Inner Mongolia "
                  "Autonomous Region, came with Baotou Municipal Party Committee Secretary Zhang Lei.") == {
        ("Wang Lixia", "Deputy Secretary", "Inner Mongolia"), ("Wang Lixia", "Chairwoman", "Inner Mongolia"),
        ("Zhang Lei", "Secretary", "Baotou Municipal Party Committee")}


def test_portfolio_words_are_no_company_and_and_names_a_commission():
    facts = extract("Greenland’s Minister for Business, Mineral Resources and Justice met officials of the "
                    "Development and Reform Commission.")
    assert [m.surface for m in facts.mentions if m.entity_type == "organization"] == [
        "Development and Reform Commission"]


def test_a_dateline_dates_the_report_not_the_signing():
    facts = extract("NEW YORK, September 24, 2025 — Critical Metals Corp. said it had signed an offtake "
                    "agreement with Heraeus Remloy on September 22.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("agreement", "2025-09-22")]


def test_a_reporting_period_is_not_a_metric():
    facts = extract("In the first ten months, output reached 112,000 tonnes; the talks lasted two days.")
    assert [(m.value, m.unit) for m in facts.metrics] == [(112_000, "tonne"), (2, "day")]


def test_crore_and_lakh():
    facts = extract("The cabinet approved a ₹7,280 crore scheme and a ₹50 lakh prize.")
    assert [(m.value, m.unit) for m in facts.metrics] == [(72_800_000_000, "INR"), (5_000_000, "INR")]


def test_company_names_with_a_country_in_brackets_or_a_bare_co():
    facts = extract("State-owned Hefeng (India) Limited will supply Korea’s Kumyang Co. and the Atomic Energy "
                    "Licensing Board agreed.")
    assert [m.surface for m in facts.mentions if m.entity_type == "organization"] == [
        "Hefeng (India) Limited", "Kumyang Co.", "Atomic Energy Licensing Board"]


def test_a_forum_is_no_company_and_a_speech_title_names_none():
    facts = extract("The 2025 China Baotou Rare Earth Industry Forum was held. He gave a speech entitled "
                    "“Building a World-Class Rare Earth Industrial Cluster.”")
    assert [m.entity_type for m in facts.mentions] == ["place", "place"]  # China, Baotou


def test_names_after_long_portfolios_four_words_and_initials():
    assert _roles("Malaysia’s Minister of Science, Technology and Innovation, Chang Lih Kang, came with Pahang "
                  "Chief Minister Wan Rosdy Wan Ismail. D. Singh, Chairman of IREL, met them.") == {
        ("Chang Lih Kang", "Minister", "Malaysia"), ("Wan Rosdy Wan Ismail", "Chief Minister", "Pahang"),
        ("D. Singh", "Chairman", "IREL (India) Limited")}


def test_initials_written_together_are_part_of_the_name_but_not_a_country_or_the_next_sentence():
    facts = extract("Northwest Territories Premier R.J. Simpson said the territory would ask for a road. "
                    "Vital shipped it to the U.S. He said the U.K. It was sold.")
    assert _canonicals(facts, "person") == {"R.J. Simpson"}
    assert _role_rows(facts) == {("R.J. Simpson", "Premier", "Northwest Territories")}
    assert _canonicals(facts, "place") >= {"United States", "United Kingdom"}


def test_indian_states_without_iso_diacritics():
    facts = extract("It mines beach sands in Odisha, Kerala and Tamil Nadu.")
    assert [m.canonical for m in facts.mentions] == ["Odisha", "Kerala", "Tamil Nadu"]


def test_a_forum_its_opening_ceremony_and_the_signings_there():
    facts = extract("Baotou Forum Opens, 28 Projects Signed\n"
                    "From August 8 to 9, 2025, the Baotou Rare Earth Forum was held in Baotou. Li Bingjun "
                    "attended the opening ceremony. At the opening ceremony, 28 projects were signed.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("meeting", "2025-08-08", ["Li Bingjun"]), ("agreement", "2025-08-08", [])]


def test_a_dated_approval_is_an_announcement():
    facts = extract("The Union Cabinet on November 26, 2025 approved a magnet scheme. The board approved it.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("announcement", "2025-11-26")]


def test_korean_names_and_alloys_of_an_element():
    facts = extract("Korea’s Minister of Trade, Industry and Energy, Ahn Duk-geun, toured the plant with "
                    "Governor Kim Young-hwan. It makes dysprosium-iron alloy.")
    assert [m.canonical for m in facts.mentions if m.entity_type in ("person", "element")] == [
        "Ahn Duk-geun", "Kim Young-hwan", "dysprosium"]


def test_a_party_committee_names_its_place_and_a_district_is_a_place():
    facts = extract("Li Keke, Member of the Standing Committee of the Jiangxi Provincial Party Committee and "
                    "Secretary of the Ganzhou Municipal Party Committee, visited Ganxian District.")
    assert _canonicals(facts, "place") == {"Jiangxi", "Ganzhou", "Ganxian District"}
    assert [(r.person, r.title, r.organization) for r in facts.roles] == [
        ("Li Keke", "Secretary", "Ganzhou Municipal Party Committee")]


def test_a_plant_named_after_its_owner_is_no_company():
    facts = extract("ASM opened the second line of its Korean Metals Plant in Ochang.")
    assert "Korean Metals" not in {m.surface for m in facts.mentions}


def test_under_the_agreement_takes_the_parties_named_before():
    facts = extract("MP Materials announced a partnership with the U.S. Department of Defense. Under the "
                    "agreement, signed on July 9, 2025, the Defense Department will buy preferred stock.")
    [ev] = [e for e in facts.events if e.event_type == "agreement"]
    assert str(ev.start_date) == "2025-07-09"
    assert set(ev.organizations) == {"MP Materials", "U.S. Department of Defense"}


def test_attended_and_the_afternoon_of_the_same_day():
    facts = extract("On November 18, 2025, the Ganzhou Rare Earth Conference was held in Ganzhou. Li Keke "
                    "attended and delivered a speech.\nOn the afternoon of the same day, the participants "
                    "visited the Ganzhou Rare Earth Industrial Park.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("meeting", "2025-11-18", ["Li Keke"]), ("visit", "2025-11-18", [])]


def test_interview_answers_are_quotes_of_the_person_named_before_the_colon():
    facts = extract("Q: Why Mexico?\nCai Baogui: “Our customers in North America want magnets made close to "
                    "them.”\nQ: And export controls?\nCai Baogui: “Every shipment now needs a licence.”")
    assert [(q.speaker, q.quote[:14]) for q in facts.quotes] == [
        ("Cai Baogui", "Our customers "), ("Cai Baogui", "Every shipment")]


def test_dated_takeovers_openings_and_cancellations_are_events():
    facts = extract("China Rare Earth Group completed its takeover of Ganzhou Rare Earth Mining Co. on "
                    "October 22, 2025. The ministry cancelled the licence of the Dong Pao mine on October 24, "
                    "2025. JL Mag Rare-Earth opened a recycling line in Baotou on October 24, 2025. Lynas "
                    "acquired the site years ago.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("acquisition", "2025-10-22"), ("announcement", "2025-10-24"), ("opening", "2025-10-24")]


def test_continuing_talks_and_a_pending_agreement_are_no_events():
    assert extract("Lynas confirmed that talks with the Pentagon were continuing. The plant is on hold "
                   "pending a new agreement with the U.S. government.").events == []


def test_an_ambassador_and_a_chairman_whose_company_opened_the_sentence_before():
    facts = extract("On November 13, Cai Baogui met Carlos Salazar, Mexico’s ambassador to China, in "
                    "Beijing.\n5. JL Mag Rare-Earth opened a line in Baotou. Chairman Cai Baogui called it "
                    "a closed loop.")
    assert _role_rows(facts) == {
        ("Carlos Salazar", "Ambassador", "Mexico"), ("Cai Baogui", "Chairman", "JL Mag Rare-Earth")}


def test_a_company_department_named_with_and():
    facts = extract("Baogang’s Safety and Environmental Protection Department completed a campaign.")
    assert "Safety and Environmental Protection Department" in [
        m.surface for m in facts.mentions if m.entity_type == "organization"]


def test_annual_earlier_in_the_clause_makes_a_rate_but_not_for_money():
    facts = extract("It will double its annual recovery of rare earth oxides from scrap to 3,000 tonnes by "
                    "2027. Annual savings came to RMB 1.71 million.")
    assert [(m.value, m.unit) for m in facts.metrics] == [(3000, "tonne/year"), (1_710_000, "CNY")]


def test_the_ceremony_after_a_signing_is_the_signing():
    facts = extract("CREG and JL Mag signed a supply agreement on November 20, 2025. The agreement was signed "
                    "by Liu Leiyun and Hu Zhibin. “It matters,” Hu Zhibin said after the ceremony.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("agreement", "2025-11-20", ["Liu Leiyun", "Hu Zhibin"])]


def test_an_opening_and_its_ceremony_are_one_ceremony():
    facts = extract("Solvay opened a separation line at La Rochelle on April 9, 2025.\nOn April 9, 2025, "
                    "Minister Marc Ferracci attended the inauguration ceremony.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("ceremony", "2025-04-09")]


def test_minister_for_a_portfolio_and_a_name_before_the_office():
    facts = extract("Sweden’s Minister for Energy, Business and Industry, Ebba Busch, visited Kiruna. Naaja "
                    "Nathanielsen, Greenland’s Minister for Business, Mineral Resources and Justice, met them.")
    assert [m.canonical for m in facts.mentions if m.entity_type == "person"] == ["Ebba Busch", "Naaja Nathanielsen"]
    assert ("Ebba Busch", "Minister", "Sweden") in _role_rows(facts)


def test_an_abbreviation_defined_in_brackets_names_the_organization():
    facts = extract("The Kivu Processing Council (KPC) announced it on August 27, 2025. KPC President Mike "
                    "Crabtree said so.")
    assert [(r.title, r.organization) for r in facts.roles] == [("President", "Kivu Processing Council")]


def test_romance_organization_names_lower_case_provinces_and_laws():
    facts = extract("Pensana signed with the Fundo Soberano de Angola for the mine in Huambo province. "
                    "The Critical Raw Materials Act names it.")
    got = [(m.surface, m.entity_type, m.canonical) for m in facts.mentions]
    assert ("Fundo Soberano de Angola", "organization", "Fundo Soberano de Angola") in got
    assert ("Huambo province", "place", "Huambo") in got
    assert not any(t == "organization" and "Raw Materials" in s for s, t, _ in got)


def test_rates_per_month_number_words_with_millions_and_kronor():
    facts = extract("It can make 400 kilograms of metal a month. The deposit holds more than one million "
                    "tonnes. LKAB will invest about SEK 8 billion.")
    assert [(m.value, m.unit) for m in facts.metrics] == [
        (400, "kg/month"), (1_000_000, "tonne"), (8_000_000_000, "SEK")]


# --- fourteenth blind set ---------------------------------------------------------------------

GUANGXI = ("On November 3, Chen Gang, Secretary of the Guangxi Zhuang Autonomous Region Party Committee, met "
           "Yang Guoan in Nanning. Lan Tianli, Deputy Secretary of the Regional Party Committee and Chairman "
           "of the Autonomous Region, attended the meeting. After the meeting, Vice Chairman of the Autonomous "
           "Region Liu Lei and Wang Chao signed the agreement.")


def test_the_regional_party_committee_and_the_autonomous_region_are_the_ones_named_before():
    assert {r for r in _roles(GUANGXI) if r[0] in ("Lan Tianli", "Liu Lei")} == {
        ("Lan Tianli", "Deputy Secretary", "Guangxi Zhuang Autonomous Region Party Committee"),
        ("Lan Tianli", "Chairman", "Guangxi"), ("Liu Lei", "Vice Chairman", "Guangxi")}


def test_a_signing_after_the_meeting_is_on_the_meetings_day():
    events = {(e.event_type, e.start_md, tuple(e.people)) for e in extract(GUANGXI, 2025).events}
    assert ("agreement", "--11-03", ("Liu Lei", "Wang Chao")) in events


def test_office_of_a_city_named_with_its_level_and_of_a_region_with_a_portfolio():
    assert _roles("He was accompanied by Chongzuo Municipal Party Secretary Liu Jun.") == {
        ("Liu Jun", "Party Secretary", "Chongzuo")}
    assert _roles("Northern Ireland’s Economy Minister Caoimhe Archibald cut the ribbon.") == {
        ("Caoimhe Archibald", "Minister", "Northern Ireland")}


def test_a_new_organization_named_short_and_in_full_is_one():
    facts = extract("Yang inspected Guangxi Guosheng Rare Earth in May. On June 4, he visited Guangxi Guosheng "
                    "Rare Earth Development Co., Ltd. in Chongzuo.")
    assert _canonicals(facts, "organization") == {
        "Guangxi Guosheng Rare Earth Development Co., Ltd."}


def test_the_headline_company_breaks_a_tie_and_is_the_company_of_an_event():
    text = ("Ionic Rare Earths Opens Belfast Plant\n\nIonic Rare Earths Limited opened the plant of Ionic "
            "Technologies on September 15, 2025. The plant makes oxides for Ionic Technologies. Managing Director Tim Harrison "
            "said the company had signed a supply agreement with Ford Motor Company earlier this year.")
    facts = extract(text)
    assert _role_rows(facts) == {
        ("Tim Harrison", "Managing Director", "Ionic Rare Earths")}
    deal = next(e for e in facts.events if e.event_type == "agreement")
    assert set(deal.organizations) == {"Ionic Rare Earths", "Ford"} and deal.start_md is None


def test_the_agreement_welcomed_on_another_day_is_the_one_signed():
    facts = extract("Rainbow signed a $50 million agreement with the DFC on October 21, 2025. Minister Gwede "
                    "Mantashe welcomed the agreement in Johannesburg on October 22.")
    assert [(e.event_type, e.start_md) for e in facts.events] == [("agreement", "--10-21")]


def test_cutting_the_ribbon_is_part_of_the_opening():
    facts = extract("Ionic Technologies opened its plant in Belfast on September 15, 2025. The plant recycles "
                    "magnets. Minister Caoimhe Archibald cut the ribbon with Managing Director Tim Harrison.")
    # one event, called a ceremony as an opening with its ceremony always is
    assert [(e.event_type, e.start_md, set(e.people)) for e in facts.events] == [
        ("ceremony", "--09-15", {"Caoimhe Archibald", "Tim Harrison"})]


def test_a_rate_shared_by_coordinated_quantities_and_by_a_part_of_which():
    facts = extract("It will process 400 tonnes of magnets and recover 100 tonnes of rare earth oxides a year. "
                    "It is designed to produce 1,900 tonnes of oxides a year, of which about 1,100 tonnes will "
                    "be NdPr oxide.")
    assert [(m.value, m.unit) for m in facts.metrics] == [
        (400, "tonne/year"), (100, "tonne/year"), (1900, "tonne/year"), (1100, "tonne/year")]


def test_rand_amounts():
    facts = extract("The cost is $326 million, or roughly R5.9 billion, and 2 billion rand was raised. R2 was paid.")
    assert [(m.value, m.unit) for m in facts.metrics] == [
        (326e6, "USD"), (5.9e9, "ZAR"), (2e9, "ZAR")]


# --- fifteenth blind set ----------------------------------------------------------------------

def test_a_portfolio_without_a_comma_ends_where_the_name_begins():
    facts = extract("Prime Minister Anwar Ibrahim came with Minister of Investment, Trade and Industry Tengku "
                    "Zafrul Aziz.")
    assert [m.canonical for m in facts.mentions if m.entity_type == "person"] == [
        "Anwar Ibrahim", "Tengku Zafrul Aziz"]


def test_the_country_of_a_state_office_from_its_adjective_or_its_prime_minister_and_a_mayors_city():
    assert _roles("Malaysian Prime Minister Anwar Ibrahim visited with Minister of Investment, Trade and "
                  "Industry Tengku Zafrul Aziz. French Industry Minister Marc Ferracci spoke.") == {
        ("Anwar Ibrahim", "Prime Minister", "Malaysia"), ("Tengku Zafrul Aziz", "Minister", "Malaysia"),
        ("Marc Ferracci", "Minister", "France")}
    assert _roles("Li Keke, Secretary of the Ganzhou Municipal Party Committee, met them. Mayor Li Hong "
                  "attended the meeting.") >= {("Li Hong", "Mayor", "Ganzhou")}
    assert ("Madeleine King", "Minister", None) in _roles("Resources Minister Madeleine King toured the site.")


def test_quarterly_results_on_a_day_are_an_announcement():
    facts = extract("MP Materials reported second-quarter results on August 7, 2025. Results matter.")
    assert [(e.event_type, e.start_md) for e in facts.events] == [("announcement", "--08-07")]


def test_the_first_word_of_a_company_alone_is_that_company():
    facts = extract("MP Materials makes magnets for General Motors. In July, MP signed a supply agreement with "
                    "Apple. General Manager Li Wei spoke.")
    deal = next(e for e in facts.events if e.event_type == "agreement")
    assert set(deal.organizations) == {"MP Materials", "Apple"}
    assert not any(m.surface == "General" for m in facts.mentions)


def test_rates_per_quarter_and_per_share():
    facts = extract("It expects 1,000 tonnes of NdPr oxide in a quarter. The placement was priced at A$13.80 per "
                    "share.")
    assert [(m.value, m.unit) for m in facts.metrics] == [(1000, "tonne/quarter"), (13.8, "AUD/share")]


def test_single_quotes_keep_their_apostrophes():
    facts = extract("‘We won’t build a plant in Texas that the market cannot support,’ CEO Amanda Lacaze said.")
    assert [(q.speaker, q.quote) for q in facts.quotes] == [
        ("Amanda Lacaze", "We won’t build a plant in Texas that the market cannot support")]


# --- sixteenth blind set ----------------------------------------------------------------------

def test_a_state_office_named_again_and_a_minister_after_his_premier():
    text = ("Western Australian Premier Roger Cook visited the site on 16 October. Premier Roger Cook toured it "
            "with Hastings Executive Chairman Charles Lew and Minister for Mines and Petroleum David Michael.")
    assert _roles(text) >= {("Roger Cook", "Premier", "Western Australia"),
                            ("David Michael", "Minister", "Western Australia")}
    assert ("Roger Cook", "Premier", None) not in _roles(text)
    assert ("Charles Lew", "Executive Chairman", "Hastings") in {
        (p, t, o.split()[0] if o else o) for p, t, o in _roles(text)}
    # a federal minister touring with a territory's chief minister is not the territory's
    assert ("Madeleine King", "Minister", None) in _roles(
        "Resources Minister Madeleine King toured the site with Northern Territory Chief Minister Lia Finocchiaro.")


def test_talks_in_progress_are_no_meeting():
    facts = extract("Hastings Executive Chairman Charles Lew said offtake talks with Schaeffler were in the final "
                    "stage.")
    assert facts.events == []


def test_what_a_yearly_output_contains_is_yearly():
    facts = extract("It will produce 37,000 tonnes of concentrate a year, containing about 3,400 tonnes of NdPr "
                    "oxide.")
    assert [(m.value, m.unit) for m in facts.metrics] == [(37000, "tonne/year"), (3400, "tonne/year")]


def test_knowledge_base_names_each_entity_once():
    import csv
    from collections import Counter

    from transforms.kb import KNOWLEDGE

    for name in ("places.csv", "organizations.csv", "people.csv", "compounds.csv", "elements.csv"):
        with open(KNOWLEDGE / name, encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.reader(fh) if r and not r[0].startswith("#")][1:]
        twice = [k for k, n in Counter(r[0] for r in rows).items() if n > 1]
        assert not twice, (name, twice)


# --- seventeenth blind set --------------------------------------------------------------------

def test_a_town_before_its_state_is_a_place_but_not_a_person_in_apposition():
    facts = extract("It will build a plant in Benson, North Carolina. However, China objected. Carlos Salazar, "
                    "Mexico’s ambassador to China, spoke.")
    places = _canonicals(facts, "place")
    assert "Benson" in places and not {"However", "Carlos Salazar"} & places


def test_a_joint_stock_company_with_its_abbreviation_and_a_known_name_in_capitals():
    facts = extract("Vietnam Rare Earth JSC (VTRE) signed a deal. VTRE Chairman Luu Anh Tuan spoke. JL MAG "
                    "Rare-Earth Co., Ltd. reported results.")
    assert ("Luu Anh Tuan", "Chairman", "Vietnam Rare Earth JSC") in _role_rows(facts)
    assert "JL MAG Rare-Earth Co., Ltd." not in {m.canonical for m in facts.mentions}


def test_a_secretary_of_a_portfolio_has_no_company():
    assert _roles("ReElement CEO Mark Smith said deliveries would start. Commerce Secretary Howard Lutnick "
                  "visited the site.") >= {("Howard Lutnick", "Secretary", None)}


def test_a_dated_loan_is_an_agreement_and_another_partys_deal_another():
    facts = extract("The Office of Strategic Capital closed a $620 million direct loan to Vulcan Elements on Nov. "
                    "3, 2025. The loan will fund a plant. Vulcan Elements also signed a $80 million supply "
                    "agreement with ReElement Technologies.")
    assert sorted((e.start_md or "", tuple(sorted(e.organizations))) for e in facts.events) == [
        ("", ("ReElement Technologies", "Vulcan Elements")),
        ("--11-03", ("Office of Strategic Capital", "Vulcan Elements"))]
    said = extract("Iluka Resources said on December 4, 2024 that the government had raised its loan.")
    assert [e.event_type for e in said.events] == ["announcement"]


def test_dong_and_a_capacity_to_reach():
    facts = extract("They will invest VND 2.6 trillion. Capacity reached 40,000 tonnes a year of magnets. It "
                    "expects to reach 60,000 tonnes by 2027.")
    assert [(m.value, m.unit) for m in facts.metrics] == [
        (2.6e12, "VND"), (40000, "tonne/year"), (60000, "tonne/year")]


# --- eighteenth blind set ---------------------------------------------------------------------

def test_a_portuguese_name_joined_by_e():
    facts = extract("Banco Nacional de Desenvolvimento Econômico e Social (BNDES) approved a credit line.")
    assert _canonicals(facts, "organization") == {
        "Banco Nacional de Desenvolvimento Econômico e Social"}


def test_awards_after_a_dated_conference_are_on_its_day():
    facts = extract("On January 8, Baogang Group held its safety work conference. The conference reviewed "
                    "safety work. Zhang Xiaoming read out the decision, and 12 advanced units were awarded.")
    assert ("award", "--01-08") in {(e.event_type, e.start_md) for e in facts.events}


def test_yen_in_an_article_about_japan_that_never_names_yuan():
    facts = extract("Sojitz Adds ¥30 Billion to Lynas Deal\n\nThe deal was signed in Tokyo.")
    assert [(m.value, m.unit) for m in facts.metrics] == [(30e9, "JPY")]
    china = extract("Baogang Adds ¥30 Billion\n\nIt also spent RMB 2 billion in Baotou, with Japan's help.")
    assert [m.unit for m in china.metrics] == ["CNY", "CNY"]


# --- nineteenth blind set ---------------------------------------------------------------------

def test_a_title_before_a_name_stops_at_the_previous_person():
    assert _roles("France’s Minister for Industry Sébastien Martin and Carester President Frédéric "
                  "Carencotte laid the stone.") == {
        ("Sébastien Martin", "Minister", "France"), ("Frédéric Carencotte", "President", "Carester")}


def test_an_autonomous_prefecture_is_its_city_and_a_department_its_name():
    places = {(m.surface, m.canonical) for m in find_mentions(
        "He inspected Liangshan Yi Autonomous Prefecture, then Lacq, in the Pyrénées-Atlantiques department, "
        "and met the Commerce department.") if m.entity_type == "place"}
    assert places == {("Liangshan Yi Autonomous Prefecture", "Liangshan"),
                      ("Pyrénées-Atlantiques department", "Pyrénées-Atlantiques"), ("Lacq", "Lacq")}


def test_where_a_company_is_based_is_a_place_and_a_site_is_not_its_country():
    places = {m.canonical for m in find_mentions(
        "Carester, a French company based in Lyon, and a Grenoble-based supplier will build at the England "
        "Airpark. Cloud-based tools help.") if m.entity_type == "place"}
    assert places == {"Lyon", "Grenoble", "England Airpark"}


def test_people_are_counted():
    assert [(m.value, m.unit, m.approximate) for m in extract("About 150 people will work there.").metrics] == [
        (150, "count", True)]


# --- twentieth blind set ----------------------------------------------------------------------

def test_an_abbreviation_with_an_apostrophe_names_its_company_above_and_below():
    facts = extract("MP Materials and Ma’aden Sign Deal\n\nSaudi Arabian Mining Company (Ma’aden) agreed. "
                    "Ma’aden Chief Executive Officer Bob Wilt spoke.")
    assert [m.start for m in facts.mentions if m.canonical == "Saudi Arabian Mining Company"] == [17, 36, 83]
    assert _role_rows(facts) == {
        ("Bob Wilt", "Chief Executive Officer", "Saudi Arabian Mining Company")}


def test_signed_the_agreement_is_the_one_signed_on_its_day():
    facts = extract("MP Materials Corp. and Ma’aden signed a memorandum of understanding in Riyadh on January 14, "
                    "2026. It covers a refinery in Saudi Arabia and a port. MP Materials Chairman James "
                    "Litinsky and Ma’aden Chief Executive Officer Bob Wilt signed the agreement in the presence "
                    "of the minister.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("agreement", "2026-01-14", ["James Litinsky", "Bob Wilt"])]


def test_a_portfolio_after_the_name_is_its_ministry_and_a_unit_of_it_a_body():
    assert _roles("On June 9, Xin Guobin, Vice Minister of Industry and Information Technology, spoke. Zhang "
                  "Jianyi, Director of the Raw Materials Industry Department of MIIT, and Chen Zhanheng, Vice "
                  "President and Secretary General of the China Rare Earth Industry Association, attended.") == {
        ("Xin Guobin", "Vice Minister", "Ministry of Industry and Information Technology"),
        ("Zhang Jianyi", "Director", "Raw Materials Industry Department"),
        ("Chen Zhanheng", "Vice President", "China Rare Earth Industry Association"),
        ("Chen Zhanheng", "Secretary General", "China Rare Earth Industry Association")}


def test_a_unit_name_does_not_swallow_a_known_department_of():
    orgs = [m.canonical for m in find_mentions("Why this matters to the West Department of Defense is plain.")
            if m.entity_type == "organization"]
    assert orgs == ["U.S. Department of Defense"]


def test_a_symposium_is_a_meeting():
    facts = extract("On June 9, 2026, the Ministry of Industry and Information Technology held a symposium in Beijing.")
    assert [(e.event_type, str(e.start_date), e.location) for e in facts.events] == [
        ("meeting", "2026-06-09", "Beijing")]


def test_a_converted_price_shares_the_rate_after_it():
    facts = extract("NdPr oxide rose to 630,000 yuan ($87,000) per tonne this week.")
    assert [(m.value, m.unit) for m in facts.metrics] == [(630_000, "CNY/tonne"), (87_000, "USD/tonne")]
    assert facts.metrics[0].measure == facts.metrics[1].measure


# --- twenty-first blind set -------------------------------------------------------------------

def test_investment_firms_are_organizations():
    orgs = {m.canonical for m in find_mentions("VAC is owned by the investment firm Ara Partners, and Appian "
                                               "Capital backs a mine.") if m.entity_type == "organization"}
    assert orgs == {"Vacuumschmelze", "Ara Partners", "Appian Capital"}


def test_the_ceremony_named_after_an_agreement_is_not_its_signing():
    facts = extract("JL Mag signed a contract with China Northern Rare Earth.\n\nOn August 18, 2026, JL Mag held "
                    "a commissioning ceremony in Baotou. Cai Baogui, Chairman of JL Mag, and Li Ganghua, Mayor of "
                    "Baotou, attended the ceremony.")
    assert [(e.event_type, str(e.start_date), sorted(e.people)) for e in facts.events] == [
        ("agreement", "None", []), ("ceremony", "2026-08-18", ["Cai Baogui", "Li Ganghua"])]


def test_annual_capacity_and_the_totals_it_brings():
    facts = extract("Base Capacity to Reach 40,000 Tonnes\n\nThe second phase adds 20,000 tonnes of annual "
                    "capacity, bringing the base to 40,000 tonnes and the company’s total to 60,000 tonnes by "
                    "2026. It stores 8,000 tonnes.")
    assert [(m.value, m.unit) for m in facts.metrics] == [
        (40_000, "tonne/year"), (20_000, "tonne/year"), (40_000, "tonne/year"), (60_000, "tonne/year"),
        (8_000, "tonne")]


# --- twenty-second blind set ------------------------------------------------------------------

def test_a_minister_of_a_ministry_the_article_names_and_no_portfolio_word_in_the_name():
    assert _roles("Kazakhstan’s Ministry of Industry and Construction said so. Minister of Industry and "
                  "Construction Yersayin Nagaspayev said the find was large.") == {
        ("Yersayin Nagaspayev", "Minister", "Ministry of Industry and Construction")}


def test_senators_and_the_company_s_chief_after_a_name():
    assert _roles("Phoenix Tailings opened a plant. “It is clean,” said Nick Myers, the company’s Chief Executive "
                  "Officer. New Hampshire Governor Kelly Ayotte and Sen. Jeanne Shaheen toured it.") == {
        ("Nick Myers", "Chief Executive Officer", "Phoenix Tailings"),
        ("Kelly Ayotte", "Governor", "New Hampshire"), ("Jeanne Shaheen", "Senator", "New Hampshire")}


def test_regions_named_deposits_described_companies_and_founded_places():
    mentions = find_mentions("A deposit, named Zhana Kazakhstan, lies in the Karaganda region and the Asia-Pacific "
                             "region. The exploration company Kazgeology and a Boston-founded startup, Phoenix "
                             "Tailings, work there; the company President Li spoke.")
    assert {(m.surface, m.entity_type, m.canonical) for m in mentions} == {
        ("Zhana Kazakhstan", "place", "Zhana Kazakhstan"), ("Karaganda region", "place", "Karaganda"),
        ("Asia-Pacific region", "place", "Asia-Pacific"), ("Kazgeology", "organization", "Kazgeology"),
        ("Boston", "place", "Boston"), ("Phoenix Tailings", "organization", "Phoenix Tailings")}


def test_a_visit_after_the_opening_is_on_its_day():
    facts = extract("Phoenix Tailings opened its plant in Exeter on Nov. 12, 2025. Governor Kelly Ayotte toured "
                    "the plant after the opening.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("opening", "2025-11-12"), ("visit", "2025-11-12")]


def test_a_yearly_rate_after_a_list_and_currency_words():
    facts = extract("It makes 200 tonnes of neodymium, praseodymium, dysprosium and terbium metal a year and will "
                    "spend 5 billion tenge and 3 million euros.")
    assert [(m.value, m.unit) for m in facts.metrics] == [
        (200, "tonne/year"), (5e9, "KZT"), (3e6, "EUR")]


# --- twenty-third blind set -------------------------------------------------------------------

def test_federal_ministers_minister_presidents_and_hyphenated_towns():
    facts = extract("Heraeus opened a plant in Bitterfeld-Wolfen, Saxony-Anhalt, in Germany. Federal Minister for "
                    "Economic Affairs and Energy Katherina Reiche and Saxony-Anhalt Minister-President Reiner "
                    "Haseloff attended.")
    assert _role_rows(facts) == {
        ("Katherina Reiche", "Minister", "Germany"), ("Reiner Haseloff", "Minister-President", "Saxony-Anhalt")}
    assert "Bitterfeld-Wolfen" in _canonicals(facts, "place")


def test_a_vice_mayor_is_of_the_city_whose_party_committee_leads():
    assert _roles("On September 16, Li Keke, Secretary of the Ganzhou Municipal Party Committee, visited Xinfeng "
                  "County and Longnan City. Vice Mayor Xie Xiaoyun accompanied the research.") == {
        ("Li Keke", "Secretary", "Ganzhou Municipal Party Committee"), ("Xie Xiaoyun", "Vice Mayor", "Ganzhou")}


def test_research_is_an_inspection_and_those_who_attend_an_opening_take_part():
    facts = extract("On September 16, 2026, Li Keke conducted research on rare earth enterprises in Longnan. "
                    "Vice Mayor Xie Xiaoyun accompanied the research. Heraeus opened its plant in Hanau on June "
                    "26, 2025. Minister Katherina Reiche attended the opening.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("inspection", "2026-09-16", ["Li Keke", "Xie Xiaoyun"]),
        ("opening", "2025-06-26", ["Katherina Reiche"])]


def test_a_headline_title_before_words_named_nowhere_else_is_no_person():
    persons = [m.surface for m in find_mentions("Ganzhou Party Secretary Conducts Research on Magnets\n\nOn "
                                               "September 16, Secretary Li Keke spoke.") if m.entity_type == "person"]
    assert persons == ["Li Keke"]


def test_armies_are_organizations_and_a_rising_capacity_keeps_its_rate():
    facts = extract("The Kachin Independence Army took the area. The plant will recycle 600 tonnes of magnets a "
                    "year, rising to 1,200 tonnes by 2030.")
    assert "Kachin Independence Army" in _canonicals(facts, "organization")
    assert [(m.value, m.unit) for m in facts.metrics] == [(600, "tonne/year"), (1200, "tonne/year")]


# --- twenty-fourth blind set ------------------------------------------------------------------

def test_a_company_s_first_word_before_a_title_names_it():
    assert _roles("Torngat Metals Ltd. plans a mine. “It works,” said Torngat President and Chief Executive "
                  "Officer Daniel Vachon.") == {
        ("Daniel Vachon", "President", "Torngat Metals"), ("Daniel Vachon", "Chief Executive Officer", "Torngat Metals")}


def test_announced_on_a_weekday_under_a_dateline():
    facts = extract("MONTREAL, March 4, 2026 — Quebec will invest C$120 million in Torngat Metals Ltd., Minister "
                    "Christine Fréchette announced on Wednesday.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("announcement", "2026-03-04", ["Christine Fréchette"])]


# --- twenty-fifth blind set -------------------------------------------------------------------

def test_a_chinese_name_before_a_province_is_no_town_and_peoples_follow_the_prefecture_s_name():
    places = {(m.surface, m.canonical) for m in find_mentions(
        "Shen Xiaoming Meets Chen Dexin, Hunan and China Minmetals Agree\n\nThe base is in Xiangxi Tujia and "
        "Miao Autonomous Prefecture.") if m.entity_type == "place"}
    assert places == {("Hunan", "Hunan"), ("Xiangxi Tujia and Miao Autonomous Prefecture", "Xiangxi")}


def test_a_minister_of_a_portfolio_in_an_article_about_one_country():
    assert _roles("Türkiye’s Eti Maden opened a plant. Minister of Energy and Natural Resources Alparslan "
                  "Bayraktar attended.") == {("Alparslan Bayraktar", "Minister", "Türkiye")}


def test_groundbreakings_and_a_rate_shared_by_two_verbs_unless_the_second_has_its_own_period():
    facts = extract("Niron broke ground on its plant in Sartell on June 2, 2025. It will process 1,200 tonnes of ore "
                    "a year and produce 10 tonnes of oxides. It separates 3,000 tonnes of oxides a year and "
                    "produced 8,600 tonnes of magnets in 2025, within five years of opening.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("ceremony", "2025-06-02")]
    assert [(m.value, m.unit) for m in facts.metrics] == [
        (1200, "tonne/year"), (10, "tonne/year"), (3000, "tonne/year"), (8600, "tonne")]


# --- twenty-sixth blind set -------------------------------------------------------------------

def test_a_prime_minister_in_a_one_country_article_and_a_programme_director():
    assert _roles("Japan’s JAMSTEC lifted the mud. “It is a first,” said Shoichi Ishii, the programme director at "
                  "the Cabinet Office. Prime Minister Sanae Takaichi praised it.") == {
        ("Shoichi Ishii", "Programme Director", "Cabinet Office"), ("Sanae Takaichi", "Prime Minister", "Japan")}


def test_opening_an_investigation_or_meeting_demand_is_no_event_and_commendations_are_awards():
    facts = extract("On April 22, 2025, the Commerce Department opened a Section 232 investigation. The mud is "
                    "enough to meet Japan’s demand for several hundred years. On January 15, 2026, the group held "
                    "its work conference. At the conference, 36 advanced collectives were commended.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("meeting", "2026-01-15"), ("award", "2026-01-15")]
    assert [(m.value, m.unit) for m in facts.metrics] == [(36, "count")]


# --- twenty-seventh blind set -----------------------------------------------------------------

def test_indonesian_companies_rupiah_and_a_given_name_before_said():
    facts = extract("PT Timah Tbk will spend Rp 1.2 trillion. Minister Bahlil Lahadalia agreed. “We will not "
                    "export raw monazite,” Bahlil said. Timah President Director Restu Widiyantoro spoke.")
    assert [(m.value, m.unit) for m in facts.metrics] == [(1.2e12, "IDR")]
    assert [(q.speaker, q.quote) for q in facts.quotes] == [("Bahlil Lahadalia", "We will not export raw monazite")]
    assert ("Restu Widiyantoro", "President Director", "PT Timah Tbk") in _role_rows(facts)


def test_a_period_end_is_no_event_date_and_a_year_earlier_no_rate():
    facts = extract("PERTH, August 28, 2025 — Lynas Rare Earths Ltd reported on Thursday a net profit of A$8.0 "
                    "million for the year to June 30, 2025, down from A$84.5 million a year earlier.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("announcement", "2025-08-28")]
    assert [(m.value, m.unit) for m in facts.metrics] == [(8e6, "AUD"), (84.5e6, "AUD")]


def test_a_year_earlier_is_no_rate_for_amounts_either():
    facts = extract("It produced 10,000 tonnes a year earlier and 9,000 tonnes a year now, down from A$84.5 "
                    "million a year earlier.")
    assert [(m.value, m.unit, m.text) for m in facts.metrics] == [
        (10_000, "tonne", "10,000 tonnes"), (9_000, "tonne/year", "9,000 tonnes a year"),
        (84.5e6, "AUD", "A$84.5 million")]


def test_a_county_after_a_capitalised_stop_word_and_square_kilometres():
    facts = extract("In Pingyuan County, Meizhou, he inspected a mine covering 3.2 square kilometres. In Xinfeng "
                    "County he met workers.")
    assert {(m.surface, m.canonical) for m in facts.mentions if m.entity_type == "place"} >= {
        ("Pingyuan County", "Pingyuan"), ("Xinfeng County", "Xinfeng")}
    assert [(m.value, m.unit) for m in facts.metrics] == [(3.2, "km2")]


# --- twenty-eighth blind set ------------------------------------------------------------------

def test_offices_treasurers_and_no_person_named_the():
    facts = extract("Export Finance Australia and the Critical Minerals Office will run it. Treasurer Jim Chalmers "
                    "said so. The European Chamber said 46 members wait.")
    assert _canonicals(facts, "organization") >= {
        "Critical Minerals Office", "Export Finance Australia"}
    assert [m.canonical for m in facts.mentions if m.entity_type == "person"] == ["Jim Chalmers"]
    assert _role_rows(facts) == {("Jim Chalmers", "Treasurer", None)}


# --- twenty-ninth blind set -------------------------------------------------------------------

def test_a_ministry_ends_before_a_based_company():
    mentions = find_mentions("Uzbekistan’s Ministry of Mining Industry and Geology and Denver-based Valor Strategic "
                             "Metals signed it. The Ministry of Industry and Information Technology agreed.")
    assert [m.surface for m in mentions if m.entity_type == "organization"] == [
        "Ministry of Mining Industry and Geology", "Valor Strategic Metals",
        "Ministry of Industry and Information Technology"]


def test_regions_districts_and_towns_the_knowledge_base_does_not_know():
    mentions = find_mentions("Lofdal lies in the Kunene Region of Namibia, 35 kilometres west of the town of "
                             "Khorixas. Valor will explore the Tamdy district of the Navoi region, the Tibet "
                             "Autonomous Region and the Yanbian Autonomous Prefecture, not the Hong Kong Special "
                             "Administrative Region.")
    places = {(m.surface, m.canonical, m.kind) for m in mentions if m.entity_type == "place"}
    assert places >= {("Kunene Region", "Kunene", "province"), ("Khorixas", "Khorixas", "city"),
                      ("Tamdy district", "Tamdy", "county"), ("Navoi region", "Navoi", "province"),
                      ("Tibet Autonomous Region", "Tibet", "province"),
                      ("Yanbian Autonomous Prefecture", "Yanbian", "prefecture")}
    assert {c for _, c, _ in places if "Administrative" in c} == set()


def test_a_company_named_after_a_place_in_a_headline():
    mentions = find_mentions("Namibia Critical Metals and JOGMEC Agree to Advance Lofdal\n\nOn September 9, "
                             "Namibia Critical Metals Inc. (NMI) signed an agreement in Namibia.")
    full = "Namibia Critical Metals Inc."
    assert [(m.surface, m.canonical) for m in mentions if m.entity_type == "organization"] == [
        ("Namibia Critical Metals", full), ("JOGMEC", "JOGMEC"), (full, full)]
    assert "Critical Metals Corp" not in {m.canonical for m in mentions}


def test_an_ambassador_is_his_countrys_and_a_ceremony_after_the_signing_no_event():
    facts = extract("Highlights\n\n  • Uzbekistan’s ministry signed a memorandum with Valor Strategic Metals.\n"
                    "  • U.S. Ambassador Jonathan Henick attended the ceremony.\n\n"
                    "TASHKENT, October 14, 2025 — Uzbekistan’s ministry and Valor Strategic Metals signed a "
                    "memorandum on Tuesday. The memorandum was signed by Minister Bobir Islamov and Valor Chief "
                    "Executive Officer Karen Whitfield, in the presence of U.S. Ambassador Jonathan Henick. Valor "
                    "will invest. The plant will be built. It will open in 2028. “We plan to produce oxide,” "
                    "Whitfield told reporters after the ceremony.")
    assert ("Jonathan Henick", "Ambassador", "United States") in _role_rows(facts)
    assert [(e.event_type, str(e.start_date), sorted(e.people)) for e in facts.events] == [
        ("agreement", "2025-10-14", ["Bobir Islamov", "Jonathan Henick", "Karen Whitfield"])]


# --- thirtieth blind set ----------------------------------------------------------------------

def test_a_known_body_after_a_titled_person_and_before_a_portfolio():
    mentions = find_mentions("Estonian Prime Minister Kristen Michal and European Commission Executive "
                             "Vice-President Stéphane Séjourné came. Séjourné, Executive Vice-President of the "
                             "European Commission for Prosperity and Industrial Strategy, spoke.")
    assert [(m.surface, m.canonical) for m in mentions if m.entity_type == "organization"] == [
        ("European Commission", "European Commission"), ("European Commission", "European Commission")]


def test_legal_forms_after_rare_earth_and_abroad():
    mentions = find_mentions("It visited Fujian Changting Golden Dragon Rare Earth Co., Ltd. and Base Toliara SARL, "
                             "then Japan Australia Rare Earths B.V. and Solvay S.A.")
    assert [m.surface for m in mentions if m.entity_type == "organization"] == [
        "Fujian Changting Golden Dragon Rare Earth Co., Ltd.", "Base Toliara SARL",
        "Japan Australia Rare Earths B.V.", "Solvay S.A."]


def test_a_minister_after_his_name_is_of_the_country_the_article_is_about():
    facts = extract("Energy Fuels signed with Madagascar. The deal was signed by Herinjaka Rakotoarisoa, Minister "
                    "of Mines and Strategic Resources. Madagascar will get 5%. Energy Fuels bought Australia’s Base "
                    "Resources. Madagascar hopes for jobs.")
    assert ("Herinjaka Rakotoarisoa", "Minister", "Madagascar") in _role_rows(facts)


def test_a_signing_told_twice_then_by_whom_and_talks_in_the_afternoon():
    facts = extract("Highlights\n\n  • Energy Fuels signed an investment agreement in Antananarivo on November 7.\n\n"
                    "Release time: 2025-11-10 07:45\n\nOn November 7, Energy Fuels Inc. signed an investment "
                    "agreement with Madagascar. The agreement was signed by Mark Chalmers, President of Energy "
                    "Fuels.\n\nOn November 3, Li Jianjun visited Golden Dragon in Changting County. In the "
                    "afternoon, Li Jianjun held talks with Huang Changgeng in Longyan. The two sides agreed that "
                    "Golden Dragon will invest RMB 1.2 billion.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("agreement", "2025-11-07", ["Mark Chalmers"]), ("visit", "2025-11-03", ["Li Jianjun"]),
        ("meeting", "2025-11-03", ["Li Jianjun", "Huang Changgeng"])]


def test_the_two_sides_agreed_after_who_attended_and_what_each_said_is_what_the_talks_agreed():
    facts = extract("On November 24, 2025, Meng Fanying, Chairman of Baogang Group, met with Wang Qingkai, Chairman "
                    "of Zhenghai Magnetic, in Baotou. Liu Peixun attended. Meng Fanying welcomed Zhenghai. Wang "
                    "Qingkai said Zhenghai would build a plant. The two sides agreed that Northern Rare Earth and "
                    "Zhenghai Magnetic would sign a supply contract before the end of the year.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("meeting", "2025-11-24")]


def test_a_rare_earth_development_company_and_a_relation_word_before_a_name():
    facts = extract("Highlights\n- Subsidiary Guangxi Rare Earth Development cut reagent costs.\n"
                    "Guangxi Rare Earth Development reported savings. Rival Hunan Rare Earth Group did not.")
    assert _canonicals(facts, "organization") == {"Guangxi Rare Earth Development", "Hunan Rare Earth Group"}


_TOUR = ("From November 12 to 14, 2025, Huang Ping, Chairman of Shenghe Resources, visited Leshan Shenghe Rare "
         "Earth Company and Zibo Jiahua Advanced Material Resources. At Zibo Jiahua, which Shenghe bought from Neo "
         "Performance Materials earlier this year, Huang reviewed the safety systems and met plant manager Sun Wei. "
         "He urged the team to “keep every customer Neo brought with it” while moving purchasing to Shenghe.")


def test_a_stop_of_a_tour_told_before_is_part_of_the_visit():
    facts = extract(_TOUR)
    assert [(e.event_type, str(e.start_date), str(e.end_date)) for e in facts.events] == [
        ("visit", "2025-11-12", "2025-11-14")]
    assert "Sun Wei" in facts.events[0].people


def test_a_title_takes_the_setting_not_a_company_named_in_an_aside():
    assert ("Sun Wei", "Plant Manager", "Zibo Jiahua Advanced Material Resources") in _roles(_TOUR)


def test_he_after_whom_somebody_met_is_the_one_who_met_them():
    assert [(q.speaker, q.quote) for q in extract(_TOUR).quotes] == [
        ("Huang Ping", "keep every customer Neo brought with it")]


def test_japanese_company_officers_are_titles():
    assert _roles("He was shown around by Shin-Etsu Chemical’s Managing Executive Officer Kenji Morita. "
                  "Toyota Tsusho Representative Director Ichiro Kashitani said so.") == {
        ("Kenji Morita", "Managing Executive Officer", "Shin-Etsu Chemical"),
        ("Ichiro Kashitani", "Representative Director", "Toyota Tsusho")}


def test_an_autonomous_county_is_the_county_named_later_without_its_people():
    facts = extract("Zhang Hong met officials from Jianghua Yao Autonomous County, in Hunan Province. Jianghua "
                    "County Party Secretary Tang Xiaowen welcomed the delegation.")
    assert _canonicals(facts, "place") == {"Jianghua County", "Hunan"}
    assert ("Tang Xiaowen", "Party Secretary", "Jianghua County") in _role_rows(facts)


def test_a_known_company_s_regional_branch_is_one_organization_and_the_branch_its_president_s():
    facts = extract("- Bank of China's Inner Mongolia Branch signed a credit line with Baogang.\n"
                    "On December 2, 2025, Baogang and the Bank of China Inner Mongolia Branch signed an agreement. "
                    "Li Xiao, General Manager of Baogang Group, and Zhao Min, President of the branch, signed.")
    assert _canonicals(facts, "organization") == {"Baogang Group", "Bank of China Inner Mongolia Branch"}
    assert ("Zhao Min", "President", "Bank of China Inner Mongolia Branch") in _role_rows(facts)


def test_named_a_national_designation_is_an_award_but_named_alone_is_not():
    facts = extract("The Ministry of Natural Resources named Bayan Obo’s East Mine a national “smart mine” "
                    "demonstration project. Lynas named Amanda Lacaze its chief executive. A deposit, named "
                    "Zhana Kazakhstan, was found.")
    assert [(e.event_type, e.start_date, e.organizations) for e in facts.events] == [
        ("award", None, ["Ministry of Natural Resources"])]


def test_a_capacity_in_stages_keeps_its_rate():
    facts = extract("The plant will make 2,000 tonnes of magnets a year at first and 5,000 tonnes later. It will "
                    "produce 3,000 tonnes of magnets a year in its first phase, enough for about 1.5 million "
                    "electric vehicle motors, and can be expanded to 7,000 tonnes.")
    assert [(m.value, m.unit) for m in facts.metrics] == [
        (2000, "tonne/year"), (5000, "tonne/year"), (3000, "tonne/year"), (1.5e6, "count"), (7000, "tonne/year")]


# --- thirty-first blind set -------------------------------------------------------------------

def test_a_cabinet_secretary_and_a_governor_named_after_a_county():
    facts = extract("Kenya’s ministry granted a licence in Kwale County to Kilima Rare Earths Ltd, a venture of "
                    "Tana Resources and Daewon Aerospace. Cabinet Secretary for Mining, Blue Economy and Maritime "
                    "Affairs Hassan Joho met Kwale Governor Fatuma Achani. Kenya will hold 15%. South Korea "
                    "agreed. Kenya hopes for jobs.")
    assert _canonicals(facts, "person") == {"Hassan Joho", "Fatuma Achani"}
    assert "Daewon Aerospace" in _canonicals(facts, "organization")
    assert _role_rows(facts) == {
        ("Hassan Joho", "Cabinet Secretary", "Kenya"), ("Fatuma Achani", "Governor", "Kwale County")}


def test_a_licence_granted_then_handed_over_at_a_ceremony_is_one_event():
    facts = extract("NAIROBI — The Ministry of Mining, Blue Economy and Maritime Affairs on August 12, 2025 granted "
                    "a special mining licence to Kilima. Cabinet Secretary Hassan Joho handed over the licence at a "
                    "ceremony in Nairobi.")
    assert [(e.event_type, str(e.start_date), e.people, e.organizations) for e in facts.events] == [
        ("announcement", "2025-08-12", ["Hassan Joho"], ["Ministry of Mining, Blue Economy and Maritime Affairs"])]


def test_an_analyst_at_a_company_and_a_price_per_tonne_in_a_headline():
    facts = extract("NdPr Oxide Climbs to RMB 612,000 per Tonne\n\nPrices rose, according to Shanghai Metals Market "
                    "(SMM). “Feed is short,” said Zhang Rui, a rare earth analyst at SMM.")
    assert [(m.value, m.unit) for m in facts.metrics] == [(612_000, "CNY/tonne")]
    assert _role_rows(facts) == {
        ("Zhang Rui", "Analyst", "Shanghai Metals Market")}


def test_a_grant_concerning_a_county_is_not_its_governors_act():
    facts = extract("On August 12, 2025, the ministry granted a licence for a mine in Kwale County. Kwale Governor "
                    "Fatuma Achani welcomed the decision.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [("announcement", "2025-08-12", [])]


# --- thirty-second blind set ------------------------------------------------------------------

def test_a_company_named_by_its_first_words_before_and_after_its_full_name():
    facts = extract("Rare Earths Norway Wins Guarantees\n\nThe state backed Rare Earths Norway on October 2. The "
                    "ministry approved loans for Rare Earths Norway AS, which runs the pilot plant. Rare Earths "
                    "Norway says the deposit is large. Xinjiang Nonferrous Metal Industry (Group) Co., Ltd. met "
                    "Baogang. Xinjiang Nonferrous General Manager Ma Jianguo signed. Rare earths are scarce.")
    orgs = [(m.surface, m.canonical) for m in facts.mentions if m.entity_type == "organization"]
    assert orgs.count(("Rare Earths Norway", "Rare Earths Norway AS")) == 3
    assert ("Xinjiang Nonferrous", "Xinjiang Nonferrous Metal Industry (Group) Co., Ltd.") in orgs
    assert not [m for m in facts.mentions if m.entity_type == "person" and m.surface.startswith("Rare")]
    assert not [m for m in facts.mentions if m.canonical == "Xinjiang"]  # (the company's first word here)
    assert ("Ma Jianguo", "General Manager", "Xinjiang Nonferrous Metal Industry (Group) Co., Ltd.") in _role_rows(facts)


def test_rare_before_a_word_other_than_earth_starts_a_company_name():
    facts = extract("The DOE awarded Rare Element Resources Ltd. $17.5 million. Rare Element will add $4.4 million. "
                    "Rare Earth Magnets Inc. and Critical Minerals Office were named.")
    orgs = {(m.surface, m.canonical) for m in facts.mentions if m.entity_type == "organization"}
    assert ("Rare Element Resources Ltd.", "Rare Element Resources Ltd.") in orgs
    assert ("Rare Element", "Rare Element Resources Ltd.") in orgs
    assert ("Rare Earth Magnets Inc.", "Rare Earth Magnets Inc.") in orgs


def test_a_prefix_that_is_common_words_in_the_article_is_no_name():
    facts = extract("Australia Sets Up Critical Minerals Office\n\nAustralia set up the Critical Minerals Office in "
                    "May. Critical Minerals demand rises, and critical minerals are scarce.")
    assert {m.surface for m in facts.mentions if m.entity_type == "organization"} == {"Critical Minerals Office"}


def test_unknown_towns_from_a_dateline_a_site_a_compass_word_and_a_mayor():
    facts = extract("Norway backs miner\n\nOSLO — Norway’s ministry backed the Fen complex in Telemark, southern "
                    "Norway. The minister visited the pilot plant site at Ulefoss, where she met Nome Mayor Bjørn "
                    "Sæbø. The deposit lies near Sundance in Crook County. UPDATE — nothing changed in the "
                    "ministry’s plan for the county this year, officials in the capital said on Monday.")
    places = _canonicals(facts, "place")
    assert {"Oslo", "Telemark", "Ulefoss", "Nome", "Sundance", "Crook County"} <= places
    assert "Update" not in places
    assert ("Bjørn Sæbø", "Mayor", "Nome") in _role_rows(facts)


def test_a_governor_before_a_known_county_adds_no_second_place():
    facts = extract("The ministry granted a licence in Kwale County. Kwale Governor Fatuma Achani welcomed it.")
    assert [m.canonical for m in facts.mentions if m.entity_type == "place"] == ["Kwale County"]


def test_a_visit_in_the_highlights_is_the_dated_announcement_made_during_it():
    facts = extract("Minister Cecilie Myrseth visited the Ulefoss site with Chief Executive Alf Reistad.\n\n"
                    "Release time: 2025-10-06\n\nMinister Cecilie Myrseth announced the guarantees on October 2 "
                    "during a visit to the site, where she was received by Chief Executive Alf Reistad.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("announcement", "2025-10-02")]


def test_a_quote_in_the_highlights_inside_the_bodys_longer_one_is_one_quote():
    facts = extract("Governor Mark Gordon called the award “a win for Wyoming.”\n\nWyoming Governor Mark Gordon "
                    "called the award “a win for Wyoming and for every American manufacturer that needs magnets "
                    "made at home.”")
    assert [(q.speaker, q.quote) for q in facts.quotes] == [
        ("Mark Gordon", "a win for Wyoming and for every American manufacturer that needs magnets made at home.")]


# --- thirty-third blind set -------------------------------------------------------------------

def test_real_and_pound_amounts_by_their_codes():
    facts = extract("The bank approved BRL 250 million (about US$46 million). The UK lent GBP 12 million.")
    assert [(m.value, m.unit) for m in facts.metrics] == [(250e6, "BRL"), (46e6, "USD"), (12e6, "GBP")]


def test_an_agency_and_a_bank_named_after_their_description():
    facts = extract("Banco Nacional de Desenvolvimento Econômico e Social (BNDES) and the innovation agency Finep "
                    "approved the loan. Brazil’s development bank BNDES said so.")
    orgs = {(m.surface, m.canonical) for m in facts.mentions if m.entity_type == "organization"}
    assert ("Finep", "Finep") in orgs
    assert {c for s, c in orgs if s == "BNDES"} == {"Banco Nacional de Desenvolvimento Econômico e Social"}


def test_a_family_name_with_a_particle_and_its_short_form_opening_a_sentence():
    facts = extract("Brazilian Rare Earths Managing Director Bernardo da Veiga spoke. Da Veiga said the company "
                    "would also study a refinery in Camaçari, the state’s industrial hub.")
    people = [(m.surface, m.canonical) for m in facts.mentions if m.entity_type == "person"]
    assert people == [("Bernardo da Veiga", "Bernardo da Veiga"), ("Da Veiga", "Bernardo da Veiga")]
    assert ("Bernardo da Veiga", "Managing Director", "Brazilian Rare Earths") in _role_rows(facts)
    assert "Camaçari" in _canonicals(facts, "place")


def test_a_plant_named_after_its_town_but_not_after_a_nation():
    facts = extract("Proterial will build a line at its Kumagaya plant in Saitama Prefecture. Lynas said its "
                    "Malaysian plant ran well.")
    places = _canonicals(facts, "place")
    assert "Kumagaya" in places and "Malaysian" not in places


def test_a_delegation_to_a_city_then_the_delegation_visited_and_who_spoke_at_the_symposium():
    facts = extract(
        "Release time: 2025-06-13\n\nFrom June 10 to 11, Wu Juhai, Secretary of the Chenzhou Municipal Party "
        "Committee, led a delegation to Baotou for study and exchanges. The delegation visited Jinli Permanent "
        "Magnet (Baotou) Technology Co., Ltd., where General Manager Hu Zhiqiang introduced the plant. At the "
        "symposium held on June 11, Shang Wenchang said output had grown. Wu Juhai said Chenzhou hopes to "
        "cooperate with Baotou.")
    assert [(e.event_type, str(e.start_date), str(e.end_date), e.location) for e in facts.events] == [
        ("visit", "2025-06-10", "2025-06-11", "Baotou"), ("meeting", "2025-06-11", "None", None)]
    visit, meeting = facts.events
    assert "Jinli Permanent Magnet (Baotou) Technology Co., Ltd." in visit.organizations
    assert {"Wu Juhai", "Hu Zhiqiang"} <= set(visit.people)
    assert meeting.people == ["Shang Wenchang", "Wu Juhai"]


def test_talks_held_after_leading_a_delegation_are_the_meeting():
    facts = extract("On July 22, 2025, Meng Fanying led a delegation to Xinjiang and held talks with Zhang Guohua "
                    "in Urumqi.")
    assert [(e.event_type, e.people) for e in facts.events] == [("meeting", ["Meng Fanying", "Zhang Guohua"])]


def test_who_was_at_the_announcement():
    facts = extract("Brazilian Rare Earths Ltd said on August 19, 2025 that Finep had approved the funding. The "
                    "announcement was made in Brasília, with Minister of Mines and Energy Alexandre Silveira.")
    assert [(e.event_type, e.people) for e in facts.events] == [("announcement", ["Alexandre Silveira"])]


# --- thirty-fourth blind set ------------------------------------------------------------------

def test_china_opening_a_company_name_with_its_legal_form_and_the_longest_first_words():
    facts = extract("Meng Fanying Meets China Railway Materials Chairman\n\nMeng Fanying met Wang Hongjun, Chairman "
                    "of China Railway Materials Co., Ltd., in Baotou. China Railway Materials Vice President Li "
                    "Weidong signed. China’s demand grew.")
    orgs = [(m.surface, m.canonical) for m in facts.mentions if m.entity_type == "organization"]
    assert orgs == [("China Railway Materials", "China Railway Materials Co., Ltd.")] + [
        ("China Railway Materials Co., Ltd.", "China Railway Materials Co., Ltd."),
        ("China Railway Materials", "China Railway Materials Co., Ltd.")]
    assert {(r.person, r.organization) for r in facts.roles} == {
        ("Wang Hongjun", "China Railway Materials Co., Ltd."), ("Li Weidong", "China Railway Materials Co., Ltd.")}


def test_a_cabinet_of_ministers_and_a_minister_of_technical_supervision():
    facts = extract("Kyrgyzstan’s Cabinet of Ministers approved the deal. Minister of Natural Resources, Ecology and "
                    "Technical Supervision Meder Mashiev signed it.")
    assert "Cabinet of Ministers" in _canonicals(facts, "organization")
    assert [(r.person, r.title, r.organization) for r in facts.roles] == [("Meder Mashiev", "Minister", "Kyrgyzstan")]


def test_the_same_quote_in_the_highlights_and_the_body_is_one_quote():
    text = ("Meng Fanying said Baogang would make rare earth steel “the signature product of the group.”\n\n"
            "Meng Fanying also said Baogang would make rare earth steel “the signature product of the group.”")
    facts = extract(text)
    assert [(q.speaker, q.start) for q in facts.quotes] == [("Meng Fanying", text.index("the signature"))]


def test_the_company_after_a_dateline_is_the_subject_a_title_in_the_next_sentence_belongs_to():
    facts = extract("Arafura Secures KfW IPEX-Bank Loan\n\nPERTH, October 22 — Arafura Rare Earths Ltd said KfW "
                    "IPEX-Bank approved a loan.\n\nManaging Director Darryl Cuzzubbo said the loan helps.")
    assert [(r.person, r.organization) for r in facts.roles] == [("Darryl Cuzzubbo", "Arafura Rare Earths")]
    assert not [m for m in facts.mentions if m.entity_type == "person" and "KfW" in m.surface]


def test_a_mayor_led_a_team_to_investigate_on_a_day():
    facts = extract("On the afternoon of August 19, 2025, Mayor Zhang Jun led a team to investigate rare earth "
                    "enterprises in Baotou. The company plans to investigate the cause.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("inspection", "2025-08-19", ["Zhang Jun"])]


def test_a_party_working_committee_of_a_zone_but_not_a_committee_inside_another():
    facts = extract("Vice Mayor Guo Zhiqiang and Liu Wei, Secretary of the Party Working Committee of the High-Tech "
                    "Zone, attended. Li Keke, Member of the Standing Committee of the Jiangxi Provincial Party "
                    "Committee and Secretary of the Ganzhou Municipal Party Committee, spoke. The 20th Central "
                    "Committee of the Communist Party of China met.")
    orgs = _canonicals(facts, "organization")
    assert "Party Working Committee of the High-Tech Zone" in orgs
    assert not [o for o in orgs if o.startswith(("Standing Committee", "Committee"))]
    assert ("Liu Wei", "Secretary", "Party Working Committee of the High-Tech Zone") in _role_rows(facts)


def test_a_company_named_without_its_city_is_the_one_named_with_it():
    facts = extract("Zhang Jun visited Tianhe Magnetic Materials. At Baotou Tianhe Magnetic Materials Technology "
                    "Co., Ltd., he watched the line.")
    orgs = [(m.surface, m.canonical) for m in facts.mentions if m.entity_type == "organization"]
    assert orgs == [("Tianhe Magnetic Materials", "Baotou Tianhe Magnetic Materials Technology"),
                    ("Baotou Tianhe Magnetic Materials Technology", "Baotou Tianhe Magnetic Materials Technology")]


def test_a_town_a_distance_is_measured_from():
    facts = extract("The deposit, about 120 kilometres southwest of Mbeya, is large. It lies 40 km north of the "
                    "capital and 12 miles east of Alice Springs.")
    assert [m.canonical for m in facts.mentions if m.entity_type == "place"] == ["Mbeya", "Alice Springs"]


def test_a_general_director_and_china_southern_rare_earth_group():
    facts = extract("The deal was signed by VTRE General Director Luu Anh Tuan. Leaders of China Southern Rare Earth "
                    "Group attended.")
    assert [(r.person, r.title) for r in facts.roles] == [("Luu Anh Tuan", "General Director")]
    assert "China Southern Rare Earth Group" in _canonicals(facts, "organization")


def test_an_agreement_with_a_new_party_next_to_a_dated_one_is_another_agreement():
    facts = extract("The Department of Defense agreed on July 10, 2025 to buy MP Materials stock. Days later, Apple "
                    "agreed to buy magnets from MP Materials.")
    assert sorted((e.event_type, str(e.start_date), tuple(e.organizations)) for e in facts.events) == [
        ("agreement", "2025-07-10", ("U.S. Department of Defense", "MP Materials")),
        ("agreement", "None", ("Apple", "MP Materials"))]


def test_the_highlights_announcement_of_the_days_agreement_is_that_agreement():
    facts = extract("Highlights\n- The Pentagon will buy MP Materials stock, announced on July 10, 2025.\n"
                    "In a deal with no precedent, the Department of Defense agreed on July 10, 2025 to buy "
                    "MP Materials stock.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("agreement", "2025-07-10")]


def test_what_a_company_said_in_a_filing_on_a_day_but_not_a_statement_about_a_later_day():
    facts = extract("JL Mag’s profit rose, the company said in a filing to the Shenzhen Stock Exchange on August 18, "
                    "2025. Lynas said in a statement that output would start on March 1, 2026.")
    assert [(e.event_type, str(e.start_date), e.organizations[0]) for e in facts.events] == [
        ("announcement", "2025-08-18", "JL Mag Rare-Earth")]


def test_a_deputy_secretary_of_defense_heads_the_department():
    facts = extract("MP Materials won a price floor. Deputy Secretary of Defense Steve Feinberg called the deal a "
                    "model. MP Materials shares rose.")
    assert [(r.person, r.title, r.organization) for r in facts.roles] == [
        ("Steve Feinberg", "Deputy Secretary", "U.S. Department of Defense")]


def test_a_known_company_after_secretary_of_is_the_company_not_a_portfolio():
    facts = extract("Li Xiao, Deputy Party Secretary of Baogang Group, attended. The Minister of Industry spoke.")
    assert ("Li Xiao", "Deputy Party Secretary", "Baogang Group") in _role_rows(facts)


def test_a_military_rank_is_no_part_of_the_name_and_an_envoy_is_a_title():
    facts = extract("Lynas spokesman Colonel John Smith said the talks went well. A delegation led by Deng Xijun, "
                    "China’s Special Envoy for Asian Affairs, met them.")
    assert _role_rows(facts) == {
        ("John Smith", "Spokesman", "Lynas Rare Earths"), ("Deng Xijun", "Special Envoy", "China")}
    assert "Colonel John Smith" not in {m.canonical for m in facts.mentions}


def test_a_span_after_within_is_neither_a_duration_nor_a_count():
    facts = extract("Li Xiao asked the units to report results within 15 days. The study takes 18 months.")
    assert [(x.value, x.unit) for x in facts.metrics] == [(18, "month")]


def test_a_town_before_the_known_region_it_lies_in():
    facts = extract("Ore is trucked to Tengchong in Yunnan province. Output rose from January in China.")
    places = [m.canonical for m in facts.mentions if m.entity_type == "place"]
    assert places == ["Tengchong", "Yunnan", "China"]


def test_a_short_phrase_the_speaker_says_something_is_a_quote():
    facts = extract("Meng Fanying said that safety is “the lifeline of the enterprise” and that leaders must act. "
                    "Meng Fanying stressed the push for “new quality productive forces” in Baotou.")
    assert [(q.speaker, q.quote) for q in facts.quotes] == [("Meng Fanying", "the lifeline of the enterprise")]


def test_two_days_in_a_row_joined_by_and():
    text = "On March 6 and 7, 2025, the governor toured Ganzhou. On May 3 and 7 projects were signed."
    assert [(str(d.start), str(d.end), d.text) for d in find_dates(text, 2025)] == [
        ("2025-03-06", "2025-03-07", "March 6 and 7, 2025"), ("2025-05-03", "None", "May 3")]
    facts = extract(text)
    assert facts.year == 2025


def test_an_abbreviated_legal_form_keeps_its_point():
    facts = extract("Critical Metals Corp. (Nasdaq: CRML) got a letter.")
    assert [m.surface for m in facts.mentions if m.entity_type == "organization"][0] == "Critical Metals Corp."


def test_a_bare_title_after_a_visit_at_a_company_is_that_companys():
    facts = extract("Jiangxi Copper and Ganzhou Rare Earth Group grew. At the Longnan mining area of Ganzhou Rare "
                    "Earth Group, Ye Jianchun asked about leaching. Chairman Chen Ping said the company had restored "
                    "land. Jiangxi Copper also grew.")
    assert [(r.person, r.title, r.organization) for r in facts.roles] == [
        ("Chen Ping", "Chairman", "Ganzhou Rare Earth Group")]


def test_a_known_company_with_group_after_its_name_and_a_minister_of_state():
    facts = extract("Serra Verde secured a loan. Serra Verde Group said so. Minister of State Jitendra Singh spoke, "
                    "as India’s Union Cabinet and Bajaj Auto did.")
    orgs = _canonicals(facts, "organization")
    assert orgs == {"Serra Verde", "Union Cabinet", "Bajaj Auto"}
    assert [(r.person, r.title) for r in facts.roles] == [("Jitendra Singh", "Minister of State")]


def test_what_an_event_rests_on_and_what_has_not_happened_are_no_events():
    facts = extract("Ucore opened its plant in Alexandria on October 8, 2025, backed by an $18.4 million Department of "
                    "Defense award. The two firms set the price under their related-party supply agreement. The "
                    "company has not yet signed a long-term supply deal.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("opening", "2025-10-08")]


def test_an_undated_event_of_another_year_stays_apart_but_the_definite_one_joins():
    facts = extract("Ucore held a ribbon-cutting ceremony on October 8, 2025. The Department of Defense awarded Ucore "
                    "$18.4 million in 2023. Baogang held its work conference on January 8, 2026. The conference "
                    "reviewed safety work in 2025.")
    assert sorted((e.event_type, str(e.start_date)) for e in facts.events) == [
        ("award", "None"), ("ceremony", "2025-10-08"), ("meeting", "2026-01-08")]


def test_a_quote_at_the_end_of_the_speakers_own_that_clause():
    facts = extract("MOFCOM spokesperson He Yadong told a regular press conference in Beijing that China was willing "
                    "to strengthen communication with relevant countries and would approve compliant applications "
                    "“in accordance with law.” Li Qiang told reporters that Wang Wentao had called the rules "
                    "“fair, open and in accordance with law.”")
    assert [(q.speaker, q.quote) for q in facts.quotes] == [
        ("He Yadong", "in accordance with law."), ("Wang Wentao", "fair, open and in accordance with law.")]


def test_the_office_after_the_last_comma_is_the_next_persons():
    facts = extract("Huang Changgeng, Chairman of Xiamen Tungsten, and Longyan Mayor Li Zhen accompanied the "
                    "inspection.")
    assert [(r.person, r.title, r.organization) for r in facts.roles] == [
        ("Huang Changgeng", "Chairman", "Xiamen Tungsten"), ("Li Zhen", "Mayor", "Longyan")]


def test_said_in_a_city_on_a_day_and_the_forum_it_was_said_at_are_one_event():
    facts = extract("Malaysia will keep its ban, Prime Minister Anwar Ibrahim said in Kuala Lumpur on January 7, "
                    "2025. “We will not let our rare earths leave the country as cheap ore,” Anwar told a business "
                    "forum. Khazanah Nasional is in talks, and its deposits are worth about RM809.6 billion.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("announcement", "2025-01-07", ["Anwar Ibrahim"])]
    assert [(x.value, x.unit) for x in facts.metrics] == [(809.6e9, "MYR")]
    assert "Khazanah Nasional" not in _canonicals(facts, "person")


def test_a_bare_title_after_a_company_and_its_parent_named_in_passing_is_the_companys():
    facts = extract("Zuo Yongxiang inspected the mine. At Sichuan Jiangtong Rare Earth Co., Ltd., a subsidiary of "
                    "Jiangxi Copper, General Manager Yang Hai reported output.")
    assert [(r.person, r.title, r.organization) for r in facts.roles] == [
        ("Yang Hai", "General Manager", "Sichuan Jiangtong Rare Earth Co., Ltd.")]


def test_a_bare_title_belongs_to_the_first_highlights_subject_not_to_a_joint_subject_before_it():
    facts = extract("Highlights\n- Arafura Rare Earths signed an offtake with Hyundai Motor and Kia on May 20.\n"
                    "Arafura Rare Earths said Hyundai Motor and Kia will buy oxide. Hyundai Motor and Kia will also "
                    "provide a prepayment.\nManaging Director Darryl Cuzzubbo said Arafura had sold most output.")
    assert [(r.person, r.title, r.organization) for r in facts.roles] == [
        ("Darryl Cuzzubbo", "Managing Director", "Arafura Rare Earths")]


def test_a_count_with_three_words_before_its_noun():
    facts = extract("In the first three quarters, 38 new rare earth projects started construction.")
    assert [(x.value, x.unit) for x in facts.metrics] == [(38, "count")]


def test_an_office_of_the_university_is_the_university_named_before():
    facts = extract("Baogang Group and Inner Mongolia University of Science and Technology signed an agreement. "
                    "Meng Fanying, Chairman of Baogang Group, and Wang Jianguo, Party Secretary of the university, "
                    "attended.")
    assert [(r.person, r.title, r.organization) for r in facts.roles] == [
        ("Meng Fanying", "Chairman", "Baogang Group"),
        ("Wang Jianguo", "Party Secretary", "Inner Mongolia University of Science and Technology")]


def test_a_university_named_shorter_is_another_university():
    facts = extract("Baogang Group signed an agreement with Inner Mongolia University of Science and Technology. "
                    "It has signed similar agreements with Inner Mongolia University.")
    orgs = {m.surface: m.canonical for m in facts.mentions if m.entity_type == "organization"}
    assert orgs["Inner Mongolia University"] == "Inner Mongolia University"


def test_a_count_with_a_company_name_before_its_noun():
    facts = extract("The university will train 1,000 Baogang employees over the next three years.")
    assert [(x.value, x.unit, x.text) for x in facts.metrics] == [(1000, "count", "1,000 Baogang employees")]


def test_a_short_phrase_the_speaker_says_something_is_or_would_be():
    facts = extract("Meng Fanying said that talent is “the first resource” for the industry. Industry Minister "
                    "Sarah Jones said recycling would be “a vital part” of the strategy. Analysts said demand "
                    "is “new quality productivity” now.")
    assert [(q.speaker, q.quote) for q in facts.quotes] == [
        ("Meng Fanying", "the first resource"), ("Sarah Jones", "a vital part")]


def test_a_person_in_the_speakers_relative_clause_is_not_the_speaker():
    facts = extract("HyProMag opened its plant. Industry Minister Sarah Jones, who toured the plant with Chief "
                    "Executive Nick Mann, said recycling would be “a vital part of the strategy for years to come.”")
    assert [q.speaker for q in facts.quotes] == ["Sarah Jones"]


def test_a_tour_of_the_plant_opened_that_day_is_the_opening():
    facts = extract("HyProMag opened its magnet recycling plant in Birmingham on September 18, 2025. Chief "
                    "Executive Nick Mann said the plant cost £15 million. Industry Minister Sarah Jones, who "
                    "toured the plant with Mann, praised it.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("opening", "2025-09-18", ["Sarah Jones", "Nick Mann"])]


def test_a_subsidiary_named_with_its_parent_then_its_city_is_one_company():
    facts = extract("Ao visited Ganzhou Rare Earth Group and China Rare Earth Group Jiangxi Longnan Separation "
                    "Company on September 9.")
    orgs = [m.canonical for m in facts.mentions if m.entity_type == "organization"]
    assert orgs == ["Ganzhou Rare Earth Group", "China Rare Earth Group Jiangxi Longnan Separation Company"]


def test_under_review_is_no_review():
    facts = extract("Lynas said on October 23, 2025 that construction of its Seadrift plant in Texas remained "
                    "under review.")
    assert [e.event_type for e in facts.events] == ["announcement"]


def test_the_exchange_of_a_ticker_is_no_party_and_no_metric_owner():
    facts = extract("Lynas Rare Earths Ltd (ASX: LYC) said on October 23, 2025 that it produced 3,010 tonnes of "
                    "NdPr, the largest output outside China.")
    assert [(e.organizations, e.location) for e in facts.events] == [(["Lynas Rare Earths"], None)]
    assert [x.entity for x in facts.metrics] == ["Lynas Rare Earths"]


def test_an_earlier_figure_after_up_from_keeps_the_rate():
    facts = extract("The average selling price was A$72.4 per kilogram, up from A$58.1 a year earlier.")
    assert [(x.value, x.unit) for x in facts.metrics] == [(72.4, "AUD/kg"), (58.1, "AUD/kg")]


def test_a_hyphenated_yearly_capacity():
    facts = extract("They agreed to build a 5,000-tonne-a-year magnet alloy project in Changsha.")
    assert [(x.value, x.unit) for x in facts.metrics] == [(5000, "tonne/year")]


def test_a_known_groups_acronym_and_a_city_is_its_subsidiary_there():
    facts = extract("Hunan has many rail equipment makers, including CRRC Zhuzhou. Zhuzhou is in Hunan.")
    assert [(m.canonical, m.entity_type) for m in facts.mentions if m.entity_type != "element"] == [
        ("Hunan", "place"), ("CRRC Zhuzhou", "organization"), ("Zhuzhou", "place"), ("Hunan", "place")]


def test_a_bare_title_after_a_company_dealing_with_the_company_is_the_articles_company():
    facts = extract("MP Materials Corp. reported results on November 6, 2025. MP Materials makes magnets. Apple "
                    "separately committed $500 million to buy recycled magnets from the company. Chief Financial "
                    "Officer Ryan Corbett said the company had $1.9 billion in cash.")
    assert [(r.person, r.organization) for r in facts.roles] == [("Ryan Corbett", "MP Materials")]


def test_a_commitment_to_buy_is_an_agreement_of_its_own_beside_another_partys_deal():
    facts = extract("In July, the U.S. Department of Defense agreed to buy $400 million of MP Materials preferred "
                    "stock. Apple separately committed $500 million to buy recycled magnets from MP Materials. "
                    "MP Materials is committed to safety.")
    assert [(e.event_type, e.organizations) for e in facts.events] == [
        ("agreement", ["U.S. Department of Defense", "MP Materials"]), ("agreement", ["Apple", "MP Materials"])]


def test_a_review_boards_name_is_no_review():
    facts = extract("The stake needs approval from Australia’s Foreign Investment Review Board.")
    assert facts.events == []
    assert [m.canonical for m in facts.mentions if m.entity_type == "organization"] == [
        "Foreign Investment Review Board"]


def test_production_started_on_a_day_is_an_opening_and_its_ceremony_the_same():
    facts = extract("JL Mag Rare-Earth started production at its Baotou plant on October 28, 2025, the company "
                    "said in a filing to the Shenzhen Stock Exchange. Baotou Mayor Zhang Jun attended the start-up "
                    "ceremony. Lynas began production in 2019.")
    assert [(e.event_type, str(e.start_date), e.people, e.organizations) for e in facts.events] == [
        ("ceremony", "2025-10-28", ["Zhang Jun"], ["JL Mag Rare-Earth"])]


def test_a_tickers_exchange_is_no_bare_titles_company():
    facts = extract("USA Rare Earth, Inc. (Nasdaq: USAR) opened its plant, Chief Executive Officer Barbara Humpton "
                    "said.")
    assert [(r.person, r.organization) for r in facts.roles] == [("Barbara Humpton", "USA Rare Earth")]


def test_a_study_session_is_a_meeting_and_a_highlights_unnamed_award_the_bodys_award():
    facts = extract("Highlights\n- A magnetic materials unit won a provincial science and technology award.\n"
                    "The Party Committee of Northern Rare Earth held a theoretical study session to study the "
                    "remarks. Separately, Northern Rare Earth’s subsidiary won a first prize in the Inner Mongolia "
                    "science and technology progress awards.")
    assert sorted((e.event_type, e.organizations) for e in facts.events) == [
        ("award", ["China Northern Rare Earth (Group) High-Tech"]),
        ("meeting", ["Party Committee of Northern Rare Earth"])]


def test_what_the_speaker_asked_others_to_do_is_a_quote():
    facts = extract("General Manager Zhai Wenhua led a team to inspect the plant. Zhai asked each workshop to "
                    "“leave no blind spots” before the holiday. The firm aims to turn “lean management” into results.")
    assert [(q.speaker, q.quote) for q in facts.quotes] == [("Zhai Wenhua", "leave no blind spots")]


def test_an_annual_cap_with_a_place_before_the_figure():
    facts = extract("The conference reviewed a plan to cap annual mining in Jiangxi at 9,000 tonnes of oxide.")
    assert [(x.value, x.unit) for x in facts.metrics] == [(9000, "tonne/year")]


def test_a_subsidiary_named_after_a_known_groups_name_read_past_its_head_word():
    facts = extract("On the same day, China Rare Earth Group Yunnan Rare Earth Company and Lao Mining Development "
                    "signed a cooperation agreement.")
    assert [m.canonical for m in facts.mentions if m.entity_type == "organization"][0] == (
        "China Rare Earth Group Yunnan Rare Earth Company")


def test_each_place_of_a_list_after_provinces_of():
    facts = extract("The deal covers exploration in the northern provinces of Oudomxay and Luang Namtha.")
    assert [(m.canonical, m.kind) for m in facts.mentions] == [
        ("Oudomxay", "province"), ("Luang Namtha", "province")]


def test_an_office_after_a_countrys_bare_apostrophe():
    facts = extract("Chinese separators lost ore from Myanmar. On November 4, Laos’ Minister of Energy and Mines "
                    "Phoxay Sayasone met the delegation from China.")
    assert [(r.person, r.title, r.organization) for r in facts.roles] == [("Phoxay Sayasone", "Minister", "Laos")]


def test_a_wire_dateline_dates_no_event_without_actors_and_yields_to_no_effective_date():
    facts = extract("BEIJING, Dec 20, 2025 (Reuters) - Exports rose 12%, customs data showed, as more export "
                    "licences were approved.\n\nBEIJING, June 29, 2024 (Xinhua) -- Premier Li Qiang has signed a "
                    "State Council decree on the regulations, which will take effect on October 1, 2024.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("announcement", "2024-06-29", ["Li Qiang"])]


def test_a_yearly_forum_named_with_its_year_gives_the_article_its_year_and_ran_until_ends_it():
    facts = extract("The 2025 China Baotou Rare Earth Industry Forum opened in Baotou on August 8 and ran until "
                    "August 10. Baotou Party Secretary Meng Qingsong delivered a speech at the forum.")
    assert [(e.event_type, str(e.start_date), str(e.end_date)) for e in facts.events] == [
        ("meeting", "2025-08-08", "2025-08-10")]


def test_a_highlights_signing_whose_parties_the_days_signing_names_later_is_that_signing():
    facts = extract("Highlights\n- Northern Rare Earth and Shenghe Resources signed a supply agreement.\n"
                    "The forum opened on August 8, 2025. At the opening ceremony, 23 projects were signed. Among "
                    "them, Northern Rare Earth and Shenghe Resources signed a supply agreement.")
    agreements = [(str(e.start_date), e.organizations) for e in facts.events if e.event_type == "agreement"]
    assert agreements == [("2025-08-08", ["China Northern Rare Earth (Group) High-Tech", "Shenghe Resources"])]


def test_a_president_named_with_a_company_office_is_the_companys():
    facts = extract("Energy Fuels said it produced oxide. President and Chief Executive Officer Mark Chalmers "
                    "said makers were testing it. Chinese President Xi Jinping visited Brazil.")
    assert sorted((r.person, r.title, r.organization) for r in facts.roles) == [
        ("Mark Chalmers", "Chief Executive Officer", "Energy Fuels"), ("Mark Chalmers", "President", "Energy Fuels"),
        ("Xi Jinping", "President", "China")]


def test_the_low_end_of_a_range_takes_the_high_ends_unit():
    facts = extract("PrNd oxide rose to between 560,000 and 565,000 yuan per tonne. In Rotterdam it traded at $800 "
                    "to $850 per kilogram. Output will be between 1.5 and 2 million tonnes, and capacity rises in "
                    "2026 to 5,000 tonnes.")
    assert [(x.value, x.unit) for x in facts.metrics] == [
        (560000, "CNY/tonne"), (565000, "CNY/tonne"), (800, "USD/kg"), (850, "USD/kg"),
        (1_500_000, "tonne"), (2_000_000, "tonne"), (5000, "tonne")]


def test_a_yearly_amount_of_a_companys_products():
    facts = extract("Toyota Tsusho buys about 1,000 tonnes of Baogang’s rare earth products a year.")
    assert [(x.value, x.unit) for x in facts.metrics] == [(1000, "tonne/year")]


def test_a_quote_ending_the_speakers_sentence_after_a_long_report():
    facts = extract("Meng Fanying said Baogang valued its 20-year partnership with Toyota Tsusho and hoped the two "
                    "companies would “move from trade to joint production.”")
    assert [(q.speaker, q.quote) for q in facts.quotes] == [("Meng Fanying", "move from trade to joint production.")]


def test_who_accompanied_a_visit_two_sentences_on():
    facts = extract("During a May 9th inspection of the site, Baogang Chair Meng Fanying urged speed. Per Baogang "
                    "Daily, the plant will make hydrogen. Meng was accompanied by Baogang General Manager Li Xiao.")
    assert [(e.event_type, e.people) for e in facts.events] == [("inspection", ["Meng Fanying", "Li Xiao"])]


def test_a_university_of_two_words_joined_by_and_before_another_name():
    facts = extract("Jiangxi University of Science and Technology and China Rare Earth Group opened a laboratory.")
    assert [m.canonical for m in facts.mentions if m.entity_type == "organization"] == [
        "Jiangxi University of Science and Technology", "China Rare Earth Group"]


def test_unveiling_a_plaque_is_the_opening_ceremony():
    facts = extract("On June 3, 2025, the university and China Rare Earth Group opened a joint laboratory. Luo "
                    "Renming and Yang Guoan unveiled the laboratory’s plaque. The group unveiled a plan.")
    assert [(e.event_type, e.people) for e in facts.events] == [("ceremony", ["Luo Renming", "Yang Guoan"])]


def test_a_count_of_them():
    facts = extract("Companies filed 1,436 patent applications in 2024, and 612 of them were for inventions.")
    assert [(x.value, x.unit) for x in facts.metrics] == [(1436, "count"), (612, "count")]


def test_two_events_on_two_days_in_one_sentence():
    facts = extract("Shandong Rare Earth Company held its safety conference at the Weishan mine on July 2, 2025, "
                    "and on July 4 it signed a supply agreement with JL Mag Rare-Earth. JL Mag Vice President Lü "
                    "Feng signed for the buyer.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("meeting", "2025-07-02", []), ("agreement", "2025-07-04", ["Lü Feng"])]


def test_a_renewed_licence_is_an_announcement_when_dated_and_meeting_standards_no_meeting():
    facts = extract("Malaysia’s Atomic Energy Licensing Board renewed Lynas Rare Earths’ licence on March 2, 2026. "
                    "Minister Chang Lih Kang said the plant met all radiation safety standards. Lynas renewed its "
                    "call for clear rules.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("announcement", "2026-03-02")]


def test_a_quote_after_saying():
    facts = extract("Chief Executive Amanda Lacaze welcomed the decision, saying it gave the company “certainty to "
                    "keep investing in Malaysia.”")
    assert [(q.speaker, q.quote) for q in facts.quotes] == [("Amanda Lacaze", "certainty to keep investing in Malaysia.")]


def test_a_portfolio_before_a_title_is_the_ministry_named_just_before_and_initials_take_two_words():
    facts = extract("India’s Ministry of Mines opened bids for six rare earth blocks on November 18, 2025. Mines "
                    "Secretary V. L. Kantha Rao said the government hoped to award all six by March.")
    assert [(r.person, r.title, r.organization) for r in facts.roles] == [
        ("V. L. Kantha Rao", "Secretary", "Ministry of Mines")]
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("announcement", "2025-11-18")]


def test_each_name_before_plural_counties_is_a_place():
    facts = extract("He inspected companies in Mianning and Dechang counties. They toured Hunan, Jiangxi and "
                    "Guangdong provinces.")
    assert [(m.canonical, m.kind) for m in facts.mentions] == [
        ("Mianning", "county"), ("Dechang", "county"), ("Hunan", "province"), ("Jiangxi", "province"),
        ("Guangdong", "province")]


def test_won_with_a_multiplier_is_korean_money():
    facts = extract("The plant will cost 120 billion won. A team of 5 won the prize.")
    assert [(x.value, x.unit) for x in facts.metrics] == [(120e9, "KRW")]


def test_an_executive_order_signed_is_an_announcement_and_a_known_head_of_state_leads_his_country():
    facts = extract("President Donald Trump signed an executive order on April 15, 2025 directing the Department "
                    "of Commerce to investigate imports from China and Japan.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("announcement", "2025-04-15")]
    assert [(r.person, r.title, r.organization) for r in facts.roles] == [
        ("Donald Trump", "President", "United States")]


def test_a_port_named_with_its_town():
    facts = extract("The vessel left Shimizu port on January 11. The export port was busy.")
    assert [(m.surface, m.canonical, m.kind) for m in facts.mentions] == [("Shimizu port", "Shimizu", "city")]


def test_a_plan_presented_at_the_meeting_is_no_planned_meeting():
    facts = extract("The government held an executive meeting in Hohhot on November 5, 2025, chaired by Wang Lixia. "
                    "Baogang Group will invest. Vice Chairman Huang Zhiqiang presented the plan at the meeting.")
    assert [(e.event_type, e.people) for e in facts.events] == [("meeting", ["Wang Lixia", "Huang Zhiqiang"])]


def test_a_vice_chairman_serves_the_region_whose_chairwoman_is_named():
    facts = extract("The meeting was chaired by Wang Lixia, Chairwoman of the Inner Mongolia Autonomous Region. "
                    "Baogang Group and Northern Rare Earth will invest. Vice Chairman Huang Zhiqiang spoke.")
    assert ("Huang Zhiqiang", "Vice Chairman", "Inner Mongolia") in _role_rows(facts)


def test_a_legal_name_with_and_is_one_company_unless_a_side_is_a_name_of_its_own():
    facts = extract("China Rare Earth Resources and Technology Co., Ltd. reported results. China Rare Earth Resources "
                    "and Technology sold more. Arafura signed with Hyundai Motor Company and Kia Corporation.")
    orgs = [m.canonical for m in facts.mentions if m.entity_type == "organization"]
    assert orgs[:2] == ["China Rare Earth Resources and Technology Co., Ltd."] * 2
    assert "Hyundai Motor Company and Kia Corporation" not in orgs


def test_words_of_a_quoted_title_are_no_organization_and_what_was_studied_no_event():
    facts = extract("On December 3, 2025, the company hosted the final review meeting for the standard “Cerium-Based "
                    "Rare Earth Polishing Powder” in Baotou. Its Party Committee studied the spirit of the Central "
                    "Economic Work Conference. Western producers must meet specifications drafted in China.")
    assert "Cerium-Based Rare Earth" not in {m.canonical for m in facts.mentions}
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("review", "2025-12-03")]


def test_two_meetings_each_naming_a_body_the_other_does_not_stay_apart():
    facts = extract("Baogang’s Party Committee Standing Committee met to study the letter. On December 8, 2025, "
                    "Meng Fanying met Zhang Lei, Chairman of Inner Mongolia Power Group, in Baotou.")
    assert sorted((str(e.start_date), e.organizations) for e in facts.events) == [
        ("2025-12-08", ["Inner Mongolia Power Group"]), ("None", ["Baogang Group", "Party Committee Standing Committee"])]


def test_a_person_in_a_possessive_is_no_speaker_and_a_units_rare_earth_name_is_kept():
    facts = extract("The Standing Committee studied General Secretary Xi Jinping’s letter and called for “new "
                    "achievements in building the two rare earth bases.” Baogang’s Rare Earth Steel Plate Company "
                    "saved energy.")
    assert facts.quotes == []
    assert "Rare Earth Steel Plate Company" in {m.canonical for m in facts.mentions}


def test_a_deposit_named_before_the_word_is_a_place_unless_a_known_name_opens_it():
    facts = extract("The ministry opened a tender for the Khalzan Buregtei rare earth deposit. Lynas mined the "
                    "Mt Weld deposit. Shenghe bought into the Lynas Mount Weld mine.")
    places = [(m.surface, m.canonical, m.kind) for m in facts.mentions if m.entity_type == "place"]
    assert places == [("Khalzan Buregtei", "Khalzan Buregtei", "mine"), ("Mt Weld", "Mount Weld", "mine"),
                      ("Mount Weld", "Mount Weld", "mine")]


def test_n_days_later_dates_an_event_from_the_one_before_and_is_no_metric():
    facts = extract("Shenghe signed a deed with Peak Rare Earths on October 14, 2025. Six days later, Anthony "
                    "Mavunde met Huang Ping in Dodoma.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("agreement", "2025-10-14"), ("meeting", "2025-10-20")]
    assert facts.metrics == []


def test_the_two_signing_after_a_meeting_signed_at_it_and_a_winning_partner_is_no_award():
    facts = extract("The ministry expects a winning partner to invest $1.2 billion. On November 5, 2025, Jamiyan "
                    "Battsetseg met Hwang Young-sik, President of Korea Resources Corporation, in Ulaanbaatar. The "
                    "two signed a memorandum of understanding on exploration data.")
    assert [(e.event_type, str(e.start_date), e.organizations) for e in facts.events] == [
        ("meeting", "2025-11-05", ["Korea Resources Corporation"]),
        ("agreement", "2025-11-05", ["Korea Resources Corporation"])]


def test_at_a_company_a_title_is_its_and_a_management_committee_is_a_body_of_its_place():
    facts = extract("At Tianhe Magnetics, General Manager Zhao Min spoke. Chen Lei, Director of the Ganzhou "
                    "Economic Development Zone Management Committee, listened.")
    assert _role_rows(facts) == {
        ("Zhao Min", "General Manager", "Tianhe Magnetics"),
        ("Chen Lei", "Director", "Ganzhou Economic Development Zone Management Committee")}
    assert "Ganzhou" in _canonicals(facts, "place")


def test_a_dated_data_release_and_a_price_agency_saying_are_announcements_of_theirs():
    facts = extract("Prices rose 4.1%, Shanghai Metals Market (SMM) said on December 12, 2025. Customs data "
                    "released on December 7 by the General Administration of Customs showed exports rose.")
    assert [(e.event_type, str(e.start_date), e.organizations) for e in facts.events] == [
        ("announcement", "2025-12-12", ["Shanghai Metals Market"]),
        ("announcement", "2025-12-07", ["General Administration of Customs"])]


def test_leading_a_group_through_a_zone_is_a_visit_with_those_who_went_along():
    facts = extract("On January 6, 2026, Zhang Yu led a group through the Baotou Rare Earth High-Tech Zone. "
                    "Vice Mayor Li Jun and Wang Hua accompanied him.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("visit", "2026-01-06", ["Zhang Yu", "Li Jun", "Wang Hua"])]


def test_money_committed_to_a_named_party_is_a_financing_agreement_of_a_fund():
    facts = extract("- The National Wealth Fund committed £45 million to Pensana on November 18, 2025.\n"
                    "The National Wealth Fund, the government-owned investor set up in 2024, committed £45 "
                    "million in loans to Pensana Plc. Apple committed $500 million to expanding its plant.")
    assert [(e.event_type, str(e.start_date), e.organizations) for e in facts.events] == [
        ("agreement", "2025-11-18", ["National Wealth Fund", "Pensana"])]


def test_a_town_near_which_a_sentence_ends_and_a_visit_the_same_day():
    facts = extract("Pensana signed a loan on November 18, 2025. Minister Sarah Jones visited the Saltend site "
                    "the same day. The plant lies on the estuary near Grimsby. It employs 300 people.")
    assert ("Grimsby", "city") in {(m.canonical, m.kind) for m in facts.mentions if m.entity_type == "place"}
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("agreement", "2025-11-18"), ("visit", "2025-11-18")]


def test_a_share_of_a_yearly_quantity_is_yearly_too():
    facts = extract("The plant will produce 12,500 tonnes of oxides a year, about 4,500 tonnes of it magnet "
                    "metal oxides. It stores 900 tonnes of them.")
    assert [(m.value, m.unit) for m in facts.metrics] == [(12500, "tonne/year"), (4500, "tonne/year"), (900, "tonne")]


def test_a_delegations_leader_holds_his_office_in_the_body_named_before_led_by():
    facts = extract("A delegation from Uzbekistan’s Ministry of Mining Industry and Geology, led by Deputy Minister "
                    "Bakhodir Yusupov, toured the plant of Baogang Steel Union.")
    assert _role_rows(facts) == {
        ("Bakhodir Yusupov", "Deputy Minister", "Ministry of Mining Industry and Geology")}
    assert "Baogang Steel Union" in _canonicals(facts, "organization")


def test_shipping_the_first_magnets_on_a_day_is_an_opening_and_its_ceremony():
    facts = extract("e-VAC Magnetics shipped the first magnets from its plant on October 29, 2025. Governor Henry "
                    "McMaster attended a ceremony at the plant with e-VAC President Erik Eschen.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("ceremony", "2025-10-29", ["Henry McMaster", "Erik Eschen"])]
    assert ("Erik Eschen", "President", "eVAC Magnetics") in _role_rows(facts)


def test_a_day_of_a_visit_and_what_the_two_sides_agreed_after_their_words_are_the_visits_and_the_talks():
    facts = extract("A delegation from Uzbekistan visited Baogang Group from November 24 to 25, 2025. On November 24, "
                    "Li Xiao held talks with the delegation in Baotou. Li said Baogang would help. Yusupov said "
                    "Uzbekistan was ready. The two sides agreed to set up a working group. On November 25, the "
                    "delegation toured the Bayan Obo mine.")
    assert [(e.event_type, str(e.start_date), str(e.end_date), e.location) for e in facts.events] == [
        ("visit", "2025-11-24", "2025-11-25", "Bayan Obo"), ("meeting", "2025-11-24", "None", "Baotou")]


@pytest.mark.parametrize("span", ["from November 24 to 25, 2025", "November 24 to December 1, 2025",
                                  "March 6 and 7, 2025"])
def test_the_year_at_a_spans_end_is_the_articles_year(span):
    facts = extract(f"A delegation visited Baotou {span}. On November 26, Li Xiao held talks in Baotou.")
    assert str(facts.events[-1].start_date) == "2025-11-26"


def test_the_city_of_a_municipal_party_committee_is_a_place_and_a_grade_in_ppm_a_metric():
    facts = extract("Wang Li, Secretary of the Jinchang Municipal Party Committee, spoke. The deposit holds 1.5 "
                    "billion tonnes at 2,359 parts per million total rare earth oxide, or 2,025 ppm.")
    assert ("Jinchang", "city") in {(m.canonical, m.kind) for m in facts.mentions if m.entity_type == "place"}
    assert [(m.value, m.unit) for m in facts.metrics] == [(1.5e9, "tonne"), (2359, "ppm"), (2025, "ppm")]


def test_a_title_is_a_whole_word_and_a_price_each_in_a_sentence_about_shares_is_per_share():
    facts = extract("Qu Yedong, Deputy Party Secretary and General Manager, chaired the meeting. The shares, about "
                    "750 million in all, were bought at A$0.021 each. The trucks cost $90,000 each.")
    assert {r.title for r in facts.roles} == {"Deputy Party Secretary", "General Manager"}
    assert [(m.value, m.unit) for m in facts.metrics] == [(0.021, "AUD/share"), (90000, "USD")]


def test_spanish_mining_and_court_names_are_bodies_and_a_regional_minister_is_the_regions():
    facts = extract("The regional government of Castilla-La Mancha rejected the plan. Quantum Minería, the project’s "
                    "owner, said it would appeal to the High Court of Justice in Albacete. Chief Executive Javier "
                    "Montero was angry. Regional Minister for Sustainable Development Mercedes Gómez was not.")
    orgs = _canonicals(facts, "organization")
    assert {"Quantum Minería", "High Court of Justice"} <= orgs
    assert {(r.person, r.organization) for r in facts.roles} == {
        ("Javier Montero", "Quantum Minería"), ("Mercedes Gómez", "Castilla-La Mancha")}


def test_a_dated_rejection_and_a_dated_said_it_had_are_announcements_with_who_announced_them():
    facts = extract("On November 14, 2025, the fund said it had chosen the Novopoltavske deposit. Prime Minister "
                    "Yulia Svyrydenko and DFC Chief Executive Ben Black announced the selection in Kyiv. The region rejected the "
                    "permit for the Matamulas monazite project on October 30, 2025. Critics rejected the claims.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("announcement", "2025-11-14", ["Yulia Svyrydenko", "Ben Black"]), ("announcement", "2025-10-30", [])]
    assert ("Matamulas", "mine") in {(m.canonical, m.kind) for m in facts.mentions if m.entity_type == "place"}


def test_a_meeting_before_the_signing_is_on_its_day_and_the_two_ministers_who_met_signed():
    facts = extract("- Japan and Australia signed a partnership in Tokyo on October 24, 2025.\n"
                    "- Minister Tim Ayres met Minister Yoji Muto before the signing.\n"
                    "Minister Tim Ayres met Minister Yoji Muto in Tokyo. After the meeting, the two ministers "
                    "signed the partnership.")
    assert sorted((e.event_type, str(e.start_date), tuple(e.people)) for e in facts.events) == [
        ("agreement", "2025-10-24", ("Tim Ayres", "Yoji Muto")), ("meeting", "2025-10-24", ("Tim Ayres", "Yoji Muto"))]


def test_comrade_is_no_part_of_a_name_and_a_lanthanum_cerium_alloy_names_both():
    facts = extract("Comrade Meng Fanying, Party Secretary and Chairman of Baogang Group, attended. Zhao Wenyu "
                    "presented a lanthanum-cerium hydrogen storage alloy.")
    assert [m.canonical for m in facts.mentions if m.entity_type == "person"] == ["Meng Fanying", "Zhao Wenyu"]
    assert _canonicals(facts, "element") == {"lanthanum", "cerium"}


def test_a_krai_keeps_its_name_and_the_general_of_director_general_is_no_rank():
    facts = extract("Governor Dmitry Makhonin of Perm Krai and Rosatom First Deputy Director General Kirill Komarov "
                    "signed. KIA spokesman Colonel Naw Bu said so.")
    assert ("Perm Krai", "province") in {(m.canonical, m.kind) for m in facts.mentions if m.entity_type == "place"}
    assert {(r.person, r.title) for r in facts.roles} >= {
        ("Kirill Komarov", "First Deputy Director General"), ("Naw Bu", "Spokesman")}


def test_offices_told_before_and_after_a_name_and_a_universitys_offices():
    facts = extract("Li Yong, President of Inner Mongolia University of Science and Technology, spoke. Professor "
                    "Zhao Wenyu, Director of the university’s School of Rare Earth Industry, presented. Baogang "
                    "Deputy General Manager Zhang Ming and university Vice President Wang Li attended.")
    imust = "Inner Mongolia University of Science and Technology"
    assert _role_rows(facts) == {
        ("Li Yong", "President", imust), ("Zhao Wenyu", "Professor", imust), ("Zhao Wenyu", "Director", imust),
        ("Zhang Ming", "Deputy General Manager", "Baogang Group"), ("Wang Li", "Vice President", imust)}


def test_a_dated_fine_and_issue_are_announcements_and_an_earlier_inspection_is_its_own_undated_event():
    facts = extract("The Ganzhou Municipal Bureau of Ecology and Environment fined three companies on November 27, "
                    "2025, after a two-week inspection of rare earth sites. Wastewater held up to 12 times the "
                    "permitted ammonia. Bureau Director Liu Hongbo said the city would “show zero tolerance” for "
                    "illegal mining. The ministry issued the Interim Measures on August 22, 2025.")
    bureau = "Ganzhou Municipal Bureau of Ecology and Environment"
    assert [(e.event_type, str(e.start_date), e.organizations) for e in facts.events] == [
        ("announcement", "2025-11-27", [bureau]), ("inspection", "None", [bureau]), ("announcement", "2025-08-22", [])]
    assert {(r.person, r.organization) for r in facts.roles} == {("Liu Hongbo", bureau)}
    assert facts.quotes == []  # (a set phrase after `would`, as blind49's gold has it)
    assert facts.metrics == []


def test_the_nth_meeting_of_a_standing_body_is_a_setting_and_meetings_of_two_bodies_stay_apart():
    facts = extract("- Baogang’s Party Committee Standing Committee met to study the speeches, chaired by Meng "
                    "Fanying.\n- Meng Fanying met Zhang Jun, General Manager of China Telecom Inner Mongolia Branch, "
                    "on December 2, 2025.\nAt the 42nd meeting of Baogang’s Party Committee Standing Committee this "
                    "year, Xi Jinping’s speeches were studied.")
    assert sorted((str(e.start_date), tuple(e.people), tuple(e.organizations)) for e in facts.events) == [
        ("2025-12-02", ("Meng Fanying", "Zhang Jun"), ("China Telecom Inner Mongolia",)),
        ("None", ("Meng Fanying",), ("Baogang Group", "Party Committee Standing Committee"))]


def test_a_units_rare_earth_name_after_the_a_quoted_titles_words_and_a_professor_of_a_university():
    facts = extract("The Rare Earth Steel Plate Company cut gas use. The standard “Technical Specification for the "
                    "Recycling of Rare Earth Permanent Magnet Scrap” passed review, chaired by Professor Yan Chunhua "
                    "of Peking University. The panel agreed that the standard was sound. Recovery rose 1.5 percentage "
                    "points and ammonia is capped at 15 milligrams per litre.")
    orgs = _canonicals(facts, "organization")
    assert orgs == {"Rare Earth Steel Plate Company", "Peking University"}
    assert _role_rows(facts) == {("Yan Chunhua", "Professor", "Peking University")}
    assert [e.event_type for e in facts.events] == ["review"]
    assert [(m.value, m.unit) for m in facts.metrics] == [(1.5, "percentage point"), (15, "mg/L")]


def test_a_banner_is_a_county_its_party_secretary_the_banners_and_her_praise_a_quote():
    facts = extract("On August 14, 2025, Li Xiao met officials of Abag Banner about its Rare Earth Steel Plate "
                    "Company. Baogang Group and Keshiketeng Banner officials attended. Banner Party Secretary Bao "
                    "Yuming praised Baogang as “the backbone of the banner’s economy.”")
    places = {(m.canonical, m.kind) for m in facts.mentions if m.entity_type == "place"}
    assert {("Abag Banner", "county"), ("Keshiketeng Banner", "county")} <= places
    assert "Rare Earth Steel Plate Company" in _canonicals(facts, "organization")
    assert ("Bao Yuming", "Party Secretary", "Keshiketeng Banner") in _role_rows(facts)
    assert [(q.speaker, q.quote) for q in facts.quotes] == [("Bao Yuming", "the backbone of the banner’s economy.")]


def test_a_board_secretary_is_no_board_and_an_agreement_approved_the_next_sentence_is_that_approval():
    facts = extract("- Northern Rare Earth and Baotou Steel Union agreed to raise the concentrate price.\n"
                    "- The two companies' boards approved the new price on December 29, 2025.\n"
                    "Northern Rare Earth Board Secretary Wang Jiang said so. The China Nonferrous Metals Industry "
                    "Association gave a prize.")
    nre = "China Northern Rare Earth (Group) High-Tech"
    assert [(e.event_type, str(e.start_date), e.organizations) for e in facts.events] == [
        ("announcement", "2025-12-29", [nre, "Baotou Steel Union"])]
    assert _role_rows(facts) == {("Wang Jiang", "Board Secretary", nre)}
    assert "China Nonferrous Metals Industry Association" in {m.canonical for m in facts.mentions}


def test_an_office_of_the_regional_government_is_the_regions():
    facts = extract("On October 21, 2025, Meng Fanying met a delegation from the Xinjiang Uygur Autonomous Region "
                    "led by Ma Xiangyun, Vice Chairman of the regional government, at Baogang Group in Baotou.")
    assert ("Ma Xiangyun", "Vice Chairman", "Xinjiang") in _role_rows(facts)


def test_a_premier_without_a_place_is_the_articles_provinces_and_a_fund_keeps_its_first_word():
    facts = extract("Premier Scott Moe called it a first. The money came through Natural Resources Canada’s "
                    "Critical Minerals Infrastructure Fund. “It was built right here in Saskatchewan,” Moe said.")
    assert _role_rows(facts) == {("Scott Moe", "Premier", "Saskatchewan")}
    orgs = _canonicals(facts, "organization")
    assert orgs == {"Natural Resources Canada", "Critical Minerals Infrastructure Fund"}


def test_what_a_company_said_on_a_day_is_not_the_visit_it_had_that_day():
    facts = extract("The Saskatchewan Research Council said on October 28, 2025 that its facility had cast its "
                    "first metal. Premier Scott Moe visited the facility that afternoon with Saskatchewan "
                    "Research Council President Mike Crabtree.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("announcement", "2025-10-28"), ("visit", "2025-10-28")]


def test_a_symposium_after_the_inspection_is_its_own_meeting_with_municipal_and_provincial_bodies():
    facts = extract("On December 3, 2025, Vice Governor Zhang Xin led a delegation to Guangdong Guangsheng Rare "
                    "Earth Co., Ltd. in Heyuan. After the inspection, Zhang chaired a symposium with officials of the Heyuan "
                    "Municipal Government and the Guangdong Provincial Department of Natural Resources.")
    orgs = _canonicals(facts, "organization")
    assert {"Heyuan Municipal Government", "Guangdong Provincial Department of Natural Resources"} <= orgs
    assert "Natural Resources" not in orgs
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("visit", "2025-12-03"), ("meeting", "2025-12-03")]
    assert facts.events[1].organizations == ["Heyuan Municipal Government",
                                             "Guangdong Provincial Department of Natural Resources"]


def test_a_chinese_companys_name_after_its_province_a_national_laboratory_and_a_named_mine():
    facts = extract("Guangdong Guangsheng Rare Earth Co., Ltd. is a unit of China Rare Earth Group. Guangsheng "
                    "Chairman Huang Guowei spoke. Ramaco opened a plant at its Brook Mine near Sheridan and signed "
                    "a memorandum with Oak Ridge National Laboratory. Work on the West Mine’s expansion goes on.")
    assert ("Huang Guowei", "Chairman", "Guangdong Guangsheng Rare Earth Co., Ltd.") in _role_rows(facts)
    assert "Oak Ridge National Laboratory" in _canonicals(facts, "organization")
    places = {(m.canonical, m.kind) for m in facts.mentions if m.entity_type == "place"}
    assert ("Brook", "mine") in places and "West" not in {p for p, _ in places}


def test_a_companys_branch_in_a_place_and_its_short_name_and_trial_production_opens_a_line():
    facts = extract("Zhou Jianxin, Party Secretary and Chairman of China Huadian Corporation Inner Mongolia Branch, "
                    "met Baogang. Huadian Inner Mongolia General Manager Gao Ming signed. Baotou Huamei began trial "
                    "production on a new oxide line on December 5, 2025.")
    branch = "China Huadian Corporation Inner Mongolia Branch"
    assert _role_rows(facts) == {
        ("Zhou Jianxin", "Party Secretary", branch), ("Zhou Jianxin", "Chairman", branch),
        ("Gao Ming", "General Manager", branch)}
    assert ("opening", "2025-12-05", ["Baotou Huamei"]) in [
        (e.event_type, str(e.start_date), e.organizations) for e in facts.events]


def test_an_office_of_a_place_then_the_name_at_a_sentences_end_and_a_price_agency_analyst():
    facts = extract("Daido opened its Nakatsugawa plant. Two days later, the minister visited the plant with the "
                    "mayor of Nakatsugawa, Masaki Kondo. “Prices will hold,” said Wu Chenhui, chief analyst at Mysteel.")
    assert _role_rows(facts) == {
        ("Masaki Kondo", "Mayor", "Nakatsugawa"), ("Wu Chenhui", "Chief Analyst", "Mysteel")}


def test_a_research_team_to_a_subsidiary_the_team_toured_and_a_chinese_name_after_place_and_rare_earth():
    facts = extract("On the morning of January 8, 2026, Baogang Group General Manager Li Xiao led a research team to "
                    "Baotou Rare Earth Tianjiao Technology Co., Ltd. The team toured the workshops and heard a "
                    "report from Tianjiao General Manager Han Tao.")
    tianjiao = "Baotou Rare Earth Tianjiao Technology Co., Ltd."
    assert ("Han Tao", "General Manager", tianjiao) in _role_rows(facts)
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("inspection", "2026-01-08", ["Li Xiao", "Han Tao"])]


def test_an_organization_spelled_by_its_abbreviation_an_office_before_a_rank_and_a_rank_before_a_name():
    facts = extract("The Frontier Works Organization (FWO) signed with Missouri-based U.S. Strategic Metals (USSM). "
                    "It was signed by FWO Director General Major General Syed Abbas and USSM Chief Executive Stacy "
                    "Hastie before Field Marshal Asim Munir and Energy and Natural Resources Minister Alparslan "
                    "Bayraktar.")
    orgs = _canonicals(facts, "organization")
    assert orgs == {"Frontier Works Organization", "U.S. Strategic Metals"}
    assert "Asim Munir" in _canonicals(facts, "person")
    assert _role_rows(facts) == {
        ("Syed Abbas", "Director General", "Frontier Works Organization"),
        ("Stacy Hastie", "Chief Executive", "U.S. Strategic Metals"), ("Alparslan Bayraktar", "Minister", None)}


def test_a_dated_first_shipment_is_an_opening():
    facts = extract("On October 7, 2025, the first shipment of 2 tonnes of rare earth elements left the port of Karachi.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("opening", "2025-10-07")]


def test_a_session_of_an_inner_body_chaired_by_the_chairman_and_the_highlights_session_is_that_one():
    facts = extract("- Baogang Group’s Party Committee holds a theoretical study session on the Fourth Plenary Session.\n"
                    "Baogang Group’s news cycle was busy. The group’s Party Committee Theoretical Study Center Group "
                    "held an expanded study session on December 16, 2025, chaired by Party Secretary and Chairman "
                    "Meng Fanying.")
    assert _role_rows(facts) == {
        ("Meng Fanying", "Party Secretary", "Baogang Group"), ("Meng Fanying", "Chairman", "Baogang Group")}
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [("meeting", "2025-12-16")]


def test_a_workshop_director_is_of_the_company_its_workshop_refers_to():
    facts = extract("The news came from Northern Rare Earth’s Jinmeng Rare Earth Company. Its extraction workshop "
                    "cut steam use by 18%. Workshop director Zhao Lei said the change took three months.")
    assert _role_rows(facts) == {
        ("Zhao Lei", "Director", "Jinmeng Rare Earth Company")}


def test_a_ministers_portfolio_list_is_no_name_in_an_apposition():
    facts = extract("Naaja Nathanielsen, Greenland’s Minister for Business, Mineral Resources, Justice and Gender "
                    "Equality, said in Nuuk that the government would not reopen the question.")
    assert _canonicals(facts, "person") == {"Naaja Nathanielsen"}


def test_the_institute_named_before_holds_its_presidents_office_its_prizes_and_a_bare_deputy_title():
    facts = extract("The Baotou Research Institute of Rare Earths signed an agreement on December 22, 2025. Institute "
                    "President Zhang Anwen spoke. Three days later, two of the institute’s projects won first prizes "
                    "at an awards ceremony in Hohhot. The method could yield more, the institute said. Deputy "
                    "Director Gao Wei, who led the team, said so.")
    inst = "Baotou Research Institute of Rare Earths"
    assert _role_rows(facts) == {
        ("Zhang Anwen", "President", inst), ("Gao Wei", "Deputy Director", inst)}
    assert (str(facts.events[-1].start_date), facts.events[-1].organizations) == ("2025-12-25", [inst])


def test_an_audit_of_a_subsidiary_is_a_review_told_in_the_highlights_and_contracts_signed_since_are_none():
    facts = extract("- Baogang Group’s Discipline Inspection Commission finished a month-long audit of procurement at "
                    "Hefeng Rare Earth.\nThe group’s Discipline Inspection Commission completed a month-long audit "
                    "of procurement at Hefeng Rare Earth on November 28, 2025. Led by Commission Secretary Wang Hong, "
                    "the audit team reviewed 1,260 contracts signed since 2023.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("review", "2025-11-28", ["Wang Hong"])]


def test_a_count_named_before_its_figure():
    facts = extract("He asked the company to double its number of certified robot technicians to 60 by June.")
    assert [(m.value, m.unit, m.measure) for m in facts.metrics] == [(60, "count", "certified robot technicians")]


def test_a_state_economic_development_agency_is_an_organization_and_a_mining_area_a_place():
    facts = extract("Vulcan Elements signed an agreement with North Carolina Economic Development on March 3, 2025. "
                    "Separately, the provincial government inspected the Heling mining area.")
    assert "North Carolina Economic Development" in _canonicals(facts, "organization")
    assert "Heling" in _canonicals(facts, "place")
    assert [e.organizations for e in facts.events if e.event_type == "agreement"] == [
        ["Vulcan Elements", "North Carolina Economic Development"]]


def test_malay_names_after_a_malaysian_title_and_their_two_word_short_form():
    facts = extract("Selangor Menteri Besar Ahmad Fauzi Abdul Rahman visited the plant. Minister of Natural Resources "
                    "and Environmental Sustainability Wan Junaidi Wan Ibrahim spoke later. “We will not rush this,” "
                    "Wan Junaidi said.")
    assert _canonicals(facts, "person") == {"Ahmad Fauzi Abdul Rahman", "Wan Junaidi Wan Ibrahim"}
    assert ("Ahmad Fauzi Abdul Rahman", "Menteri Besar", "Selangor") in _role_rows(facts)
    assert [(q.speaker, q.quote) for q in facts.quotes] == [("Wan Junaidi Wan Ibrahim", "We will not rush this")]


def test_a_condition_is_no_event_and_a_signer_told_later_joins_the_one_dated_signing():
    facts = extract("Arafura Rare Earths and the Government of Tanzania signed an agreement in Dar es Salaam on "
                    "May 5, 2025. Federal approval would depend on a full environmental impact assessment. "
                    "The project is large. Minister Doto Biteko, who signed for the government, called it "
                    "“a model for the region” in a speech.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("agreement", "2025-05-05", ["Doto Biteko"])]
    assert [(q.speaker, q.quote) for q in facts.quotes] == [("Doto Biteko", "a model for the region")]


def test_a_stop_of_a_visit_of_days_at_a_place_the_visit_did_not_name():
    facts = extract("From May 12 to 13, 2025, Xiamen Tungsten Chairman Huang Changgeng led a delegation to the "
                    "group’s operations in Longyan. At Changting Jinlong Rare Earth Co., the group’s plant in "
                    "Changting County, Huang reviewed the progress of a new separation line.")
    assert [(e.event_type, str(e.start_date), str(e.end_date), e.people) for e in facts.events] == [
        ("visit", "2025-05-12", "2025-05-13", ["Huang Changgeng"])]


def test_who_a_handover_was_given_to_is_not_the_she_who_speaks_next():
    facts = extract("Mines Minister Jane Okello presented the permit to Tulu Minerals Chief Executive Peter Mwangi in "
                    "East Africa. “We expect a plant here within five years,” she said.")
    assert [(q.speaker, q.quote) for q in facts.quotes] == [("Jane Okello", "We expect a plant here within five years")]
    assert "East Africa" in _canonicals(facts, "place")


def test_a_person_named_before_a_lower_case_office_of_several():
    facts = extract("Police also arrested Pham Van Long, a deputy director of the Yen Bai Department of Industry "
                    "and Trade.")
    assert _role_rows(facts) == {("Pham Van Long", "Deputy Director", "Yen Bai Department of Industry and Trade")}


def test_a_known_chinese_company_named_in_full_with_its_trade_and_a_rate_an_hour():
    facts = extract("Jiangxi Jinli Permanent Magnet Technology Co., Ltd. said its new furnace burns 40 cubic meters "
                    "of gas an hour.")
    assert _canonicals(facts, "organization") == {"JL Mag Rare-Earth"}
    assert [(m.value, m.unit) for m in facts.metrics] == [(40, "m3/hour")]


def test_the_next_morning_is_the_day_after_the_event_told_before():
    facts = extract("On December 15, 2025, Shenghe Resources held its annual safety meeting in Chengdu, chaired by "
                    "General Manager Wang Xiaohui. The next morning, Wang visited the Leshan plant.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("meeting", "2025-12-15"), ("visit", "2025-12-16")]


def test_a_party_committees_study_group_is_one_body():
    facts = extract("On May 8, the Shenghe Resources Party Committee Theoretical Study Center Group held a study "
                    "session in Chengdu.")
    assert "Shenghe Resources Party Committee Theoretical Study Center Group" in _canonicals(facts, "organization")
    assert "Theoretical Study Center Group" not in _canonicals(facts, "organization")


def test_a_name_with_and_is_one_organization_when_an_abbreviation_follows_it():
    facts = extract("The Japan Oil and Mineral Resources Corporation (JOMR) bought oxide. JOMR President Sato Ken "
                    "said the stockpile would grow.")
    assert _role_rows(facts) == {("Sato Ken", "President", "Japan Oil and Mineral Resources Corporation")}


def test_no_gold_spelling_is_a_fragment_of_a_legal_name():
    """YAML splits an unquoted `[X Co., Ltd., X]` at its comma: `X Co.` and `Ltd.` would be
    spellings, and `Ltd.` matches any organization whose name holds it."""

    def spellings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            for x in node:
                yield from spellings(x)
        elif isinstance(node, dict):
            for x in node.values():
                yield from spellings(x)

    bad = {(path.name, s) for path in DATA.glob("gold_*.yaml") for s in spellings(yaml.safe_load(path.read_text()))
           if s.strip() in ("Ltd.", "Ltd", "Inc.", "Inc", "Co., Ltd.")}
    assert bad == set()


def test_a_conference_named_as_where_projects_were_signed_and_a_later_meeting_are_events_of_their_own():
    facts = extract("On May 20, 2025, 12 projects were signed at the 2025 Ganzhou Magnet Industry Investment "
                    "Conference in Ganzhou. Party Secretary Li Keke attended the conference. Li Keke later met "
                    "with a delegation from Ningbo Yunsheng led by Zhu Ming and asked the company to “build its "
                    "next plant here.”")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("agreement", "2025-05-20"), ("meeting", "2025-05-20"), ("meeting", "None")]
    assert [(q.speaker, q.quote) for q in facts.quotes] == [("Li Keke", "build its next plant here.")]


def test_a_signing_told_on_the_day_it_was_announced_and_dated_by_its_own_signing():
    facts = extract("Australia’s St George Mining Limited (ASX: SGQ) has signed an offtake agreement with REalloys "
                    "Inc. for rare earths from Araxá, the company said on July 24, 2025. Under the agreement, signed "
                    "in Perth on July 23, REalloys will buy up to 40% of the concentrate. The day before the signing, "
                    "Vice Governor Mateus Simões toured the project with St George’s country manager, Carlos Silva. "
                    "St George shares rose 12% to 9.8 cents.")
    assert [(e.event_type, str(e.start_date), sorted(e.organizations)) for e in facts.events] == [
        ("announcement", "2025-07-24", ["REalloys Inc.", "St George Mining Limited"]),
        ("agreement", "2025-07-23", ["REalloys Inc.", "St George Mining Limited"]),
        ("visit", "2025-07-22", ["St George Mining Limited"])]
    assert ("Carlos Silva", "Country Manager", "St George Mining Limited") in _role_rows(facts)
    assert [(m.value, m.unit) for m in facts.metrics] == [(40, "percent"), (12, "percent"), (9.8, "cent")]


def test_the_day_after_an_event_and_a_quote_the_speaker_pointed_out():
    facts = extract("On May 14, 2025, Luo Jianguo inspected Jiangtong Rare Earth in Mianning. The day after the "
                    "inspection, Luo Jianguo chaired a symposium in Xichang. Luo Jianguo pointed out that the "
                    "resources are a strategic asset, and that enterprises must “put safety first and mining second.”")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("inspection", "2025-05-14"), ("meeting", "2025-05-15")]
    assert [(q.speaker, q.quote) for q in facts.quotes] == [("Luo Jianguo", "put safety first and mining second.")]


def test_a_memorandum_signed_at_a_forum_and_an_under_secretary_of_the_place_before_his_title():
    facts = extract("MP Materials and Saudi Arabian Mining Company (Ma’aden) signed a memorandum of understanding at "
                    "the Future Minerals Forum in Riyadh on January 14, 2026. On January 13, Bob Wilt met Jacob "
                    "Helberg, the U.S. Under Secretary of State for Economic Affairs, in Riyadh. Ma’aden shares rose "
                    "2.3% to 58.40 riyals.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("agreement", "2026-01-14"), ("meeting", "2026-01-14"), ("meeting", "2026-01-13")]
    assert ("Jacob Helberg", "Under Secretary", "United States") in _role_rows(facts)
    assert [(m.value, m.unit) for m in facts.metrics] == [(2.3, "percent"), (58.4, "SAR")]


def test_the_delegation_told_later_is_led_by_who_led_it_and_a_total_over_months_is_no_rate():
    facts = extract("On December 4, 2025, Meng Fanying met with a delegation from Hoa Phat Group led by its Vice "
                    "Chairman Tran Tuan Duong. Hoa Phat hoped to buy 300,000 tonnes of rail steel a year. The next "
                    "day, the delegation visited the Baogang Rare Earth Steel Plate Company. Exports reached 1.2 "
                    "million tonnes in the first eleven months.")
    assert [(e.event_type, str(e.start_date), e.people) for e in facts.events] == [
        ("meeting", "2025-12-04", ["Meng Fanying", "Tran Tuan Duong"]),
        ("visit", "2025-12-05", ["Tran Tuan Duong"])]
    assert [(m.value, m.unit) for m in facts.metrics] == [(300000, "tonne/year"), (1200000, "tonne")]


def test_an_event_told_before_a_ceremony_at_a_sentences_start_and_a_mayors_city():
    facts = extract("On October 28, 2025, Grirem Advanced Materials held a commissioning ceremony in Rongcheng. Liu "
                    "Hong, Vice Mayor of Weihai, attended the ceremony. Before the ceremony, Liu Hong visited the "
                    "company’s research center.")
    assert [(e.event_type, str(e.start_date)) for e in facts.events] == [
        ("ceremony", "2025-10-28"), ("visit", "2025-10-28")]
    assert ("Liu Hong", "Vice Mayor", "Weihai") in _role_rows(facts)
    assert "Weihai" in _canonicals(facts, "place")


def test_a_signing_during_a_visit_dated_after_it_and_a_state_secretary_at_a_countrys_ministry():
    facts = extract("ASTANA, April 9 (Reuters) - Tau-Ken Samruk signed an agreement with HMS Bergbau AG on Wednesday. "
                    "The agreement was signed in Astana during a visit from April 8 to 10 by a German delegation led "
                    "by Elke Richter, a state secretary at Germany’s Federal Ministry for Economic Affairs and Energy.")
    assert [(e.event_type, e.start_md, e.end_md) for e in facts.events] == [
        ("agreement", "--04-09", None), ("visit", "--04-08", "--04-10")]
    assert _role_rows(facts) == {("Elke Richter", "State Secretary", "Federal Ministry for Economic Affairs and Energy")}


# --- hundred-and-eleventh blind set ---------------------------------------------------------------

def test_a_weekday_under_a_dated_dateline_is_the_last_such_day_on_or_before_it():
    facts = extract("GANZHOU, March 28, 2026 — JL Mag Rare-Earth Co., Ltd. said on Friday that its revenue for 2025 "
                    "reached RMB 7.9 billion.")  # (March 28, 2026 is a Saturday)
    assert [(e.event_type, str(e.start_date), e.date_text) for e in facts.events] == [
        ("announcement", "2026-03-27", "Friday")]
    same_day = extract("GANZHOU, March 27, 2026 — JL Mag Rare-Earth Co., Ltd. said on Friday that its revenue "
                       "reached RMB 7.9 billion.")
    assert [str(e.start_date) for e in same_day.events] == ["2026-03-27"]


# --- what a metric measures ---------------------------------------------------------------------

def _measures(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.measure) for m in extract(text).metrics]


def test_a_measure_named_before_its_figure_and_a_percentages_change():
    assert _measures("Net profit attributable to shareholders rose 12.6% to RMB 684 million.") == [
        ("12.6%", "net profit rise"), ("RMB 684 million", "net profit")]
    assert _measures("The company produced 31,000 tonnes of magnet blanks last year, up 18% year on year.") == [
        ("31,000 tonnes", "output of magnet blanks"), ("18%", "output rise")]
    assert _measures("Shares of Arafura Resources fell 7.5% in early trading.") == [("7.5%", "shares fall")]


def test_a_percentage_of_something_is_a_share_and_of_an_oxide_total_a_grade():
    assert _measures("About 70% of its sales went to makers of new energy vehicles.") == [
        ("70%", "share of sales")]
    assert _measures("The drill hole returned 4.13% TREO over 12 metres.")[0] == ("4.13%", "TREO grade")
    assert _measures("The plant ran at 85% of capacity in the quarter.") == [("85%", "capacity utilization")]


def test_a_verb_tells_only_the_figures_it_can():
    assert _measures("The company will invest US$60 million in the first phase.") == [
        ("US$60 million", "investment in first phase")]
    measures = dict(_measures("The exploration licence covers 5,000 hectares and the company raised its stake to 51%."))
    assert measures["5,000 hectares"] != "share covered"  # (a share is what `covers` tells)
    assert measures["51%"] == "stake"  # (not `funds raised`: money is what `raised` tells)


# --- hundred-and-twelfth blind set ----------------------------------------------------------------

def test_an_agreement_told_on_a_weekday_and_signed_on_another_day_is_announced_that_weekday():
    facts = extract("JOHANNESBURG, 14 October 2025 — Rainbow Rare Earths Ltd said on Tuesday that the U.S. "
                    "International Development Finance Corporation (DFC) had agreed to invest US$50 million in "
                    "its Phalaborwa project.\n\nThe investment agreement, signed in Pretoria on October 13, gives "
                    "the DFC a 25% stake in Phalaborwa Rare Earths (Pty) Ltd, the project company.")
    assert sorted((e.event_type, str(e.start_date)) for e in facts.events) == [
        ("agreement", "2025-10-13"), ("announcement", "2025-10-14")]
