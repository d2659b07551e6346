"""Forms the extractor reads from knowledge of languages and layouts, each on a few words
written for the test (no corpus text): running times, window titles, other titles, menu lines,
spec words, fact lines and bracketed fact groups, lead sentences of articles, running times in
prose, story prose in Japanese and Korean, documentary words, and one-word column tables.
"""

from filmfolio.importer.extract import extract_record, quantities, specs
from filmfolio.importer.extract.fact_group import fact_groups
from filmfolio.importer.extract.facts import fact_line
from filmfolio.importer.extract.title import is_menu, split_heading, window_title


def test_running_times_with_bare_minutes_after_the_hours():
    cases = {"1h40": 100, "2 h 05": 125, "1 heure 30": 90, "1h 28'": 88, "12h30": None}
    assert {k: quantities.runtime_minutes(k) for k in cases} == cases


def test_window_titles_of_any_site():
    assert window_title("Hus i vinden (2020) – Svensk Filmdatabas") == "Hus i vinden (2020)"
    assert window_title('Regarder "Hus i vinden" (2020) en streaming') == "Hus i vinden (2020)"
    assert split_heading("Hus i vinden (2020) | Kino Nord") == ("Hus i vinden", None, 2020)
    # A heading with a year and no site part keeps its words.
    assert split_heading("Summer of 1985 (2020)") == ("Summer of 1985", None, 2020)


def test_other_titles_in_brackets_and_after_a_slash():
    assert split_heading("Frühling (Spring)") == ("Frühling", "Spring", None)
    assert split_heading("Дом ветров (The House of Winds, 2016)") == (
        "Дом ветров",
        "The House of Winds",
        2016,
    )
    # Numbers and format words in brackets are no title.
    assert split_heading("Frühling (Kurzfilm)") == ("Frühling (Kurzfilm)", None, None)
    assert split_heading("Frühling (90 min)") == ("Frühling (90 min)", None, None)


def test_menu_lines_are_no_titles():
    assert is_menu("Start | Filme | Presse | Kontakt")
    assert not is_menu("Hus i vinden | Kino Nord")


def test_spec_words_in_many_languages():
    colours = {"Renkli": "color", "컬러": "color", "siyah-beyaz": "black and white"}
    colours |= {"svartvit": "black and white", "ч/б": "black and white", "Berwarna": "color"}
    assert {k: specs.colour_of(k) for k in colours} == colours
    parts = specs.spec_parts("カラー/ステレオ/16:9")
    assert parts == {"color": "カラー", "sound": "ステレオ", "aspect_ratio": "16:9"}
    assert specs.spec_parts("HD. 16/9") == {"shooting_format": "HD", "aspect_ratio": "16/9"}


def test_a_spec_value_under_a_credit_label_is_a_spec_and_a_name_stays_a_credit():
    out = extract_record("Hus\nRegi: Lena Berg\nSon : mono\nImage : noir et blanc\n").to_gold_dict()
    assert (out["specs"]["sound"], out["specs"]["color"]) == ("mono", "black and white")
    assert out["credits"] == [{"role": "Regi", "name": "Lena Berg"}]
    out = extract_record("Hus\nRegi: Lena Berg\nSon : Paul Dubois\n").to_gold_dict()
    assert out["specs"]["sound"] is None
    assert out["credits"][1] == {"role": "Son", "name": "Paul Dubois"}


def test_spaced_spec_labels_take_lower_case_spec_values():
    page = "Hus i vinden\nRegi Lena Berg\nLand Sverige\nÅr 2020\nFärg svartvit\nLjud mono\n"
    out = extract_record(page).to_gold_dict()
    assert (out["specs"]["color"], out["specs"]["sound"]) == ("black and white", "mono")


def test_fact_lines_with_commas_need_every_part_to_be_a_fact():
    found = fact_line("Belgesel, 2022, Türkiye, 88 dk.")
    assert (found.year, found.runtime, found.countries, found.genres) == (
        2022,
        88,
        ["Türkiye"],
        ["Belgesel"],
    )
    assert fact_line("Paris, France, 2019") is None  # a city is no fact of the film
    assert fact_line("Sweden, 2021") is None  # two parts parted by a comma: too little


def test_fact_groups_need_a_running_time_or_a_title_before_them():
    (group,) = fact_groups("Le film « Vents » (France, 2019, 12 min) de J. Marchand")
    assert (group.title, group.facts.year, group.facts.runtime) == ("Vents", 2019, 12)
    assert fact_groups("She was born in Lyon (France, 1970) and lives in Rome.") == []
    assert fact_groups("Screening at Cinema 1 (Room 2, 18:00)") == []


LEADS = {
    "Hus i vinden is a 2020 Swedish drama film directed by Lena Berg.": (2020, ["drama"]),
    "Hus i vinden est un film suédois réalisé par Lena Berg, sorti en 2020.": (2020, []),
    "Hus i vinden ist ein schwedischer Spielfilm aus dem Jahr 2020.": (2020, []),
    "《风之屋》是一部2015年的中国剧情片。": (2015, []),
    "Rumah Angin adalah film drama keluarga dari Indonesia tahun 2019.": (
        2019,
        ["drama", "keluarga"],
    ),
    "Дом ветров — российский фильм 2016 года режиссёра Ивана Петрова.": (2016, []),
    "Ngôi nhà gió là một bộ phim tâm lý Việt Nam năm 2017.": (2017, []),
    "風の記憶は、2018年の日本のドキュメンタリー映画。": (2018, []),
    "바람의 집은 2020년 개봉한 대한민국의 드라마 영화이다.": (2020, []),
}


def test_lead_sentences_of_articles_state_the_year_and_genres():
    found = {}
    for sentence in LEADS:
        out = extract_record(f"Hus\n\n{sentence}\n").to_gold_dict()
        found[sentence] = (out["year"], out["genres"])
    assert found == LEADS


def test_a_year_in_a_later_sentence_is_no_lead():
    out = extract_record("Hus\n\nLena Berg was born in 1970 in a small film town.\n").to_gold_dict()
    assert out["year"] is None


def test_japanese_and_korean_story_prose_is_a_synopsis():
    ja = (
        "風の記憶\n\n海辺の小さな町に暮らす祖母と孫娘は、毎朝いっしょに浜を歩き、流れ着いたものを"
        "拾っては名前をつけていく。やがて祖母の記憶が少しずつ薄れはじめ、孫娘はその一年を静かに"
        "カメラで記録することにした。\n"
    )
    ko = (
        "바람의 집\n\n바닷가 마을에서 할머니와 손녀가 함께 보낸 마지막 여름. 할머니는 매일 아침 "
        "바람의 방향을 읽고, 손녀는 그 이야기를 노트에 적어 간다. 태풍이 오던 밤, 두 사람은 "
        "오래된 집을 지키기로 한다.\n"
    )
    short = "風の記憶\n\n上映時間:88分\n"
    found = [extract_record(p).to_gold_dict()["synopsis_present"] for p in (ja, ko, short)]
    assert found == [True, True, False]


PROSE_RUNTIMES = {
    "Lena Berg's 13-minute documentary follows three women.": 13,
    "Der Film ist ein 40-Minüter, gedreht an der Ostsee.": 40,
    "Ce court métrage de 15 minutes suit trois femmes.": 15,
    "Un cortometraje de 12 minutos sobre tres mujeres.": 12,
    "Это 90-минутный фильм о трёх женщинах.": 90,
    "这部88分钟的纪录片讲述了三个女人的故事。": 88,
    "13분 분량의 단편영화로 세 여성의 이야기를 그린다.": 13,
    "88 dakikalık belgesel üç kadını anlatıyor.": 88,
    "Lectura estimada: 1 min. Tres mujeres caminan.": None,
    "We waited 20 minutes for the ferry to the island.": None,
}


def test_running_times_stated_in_prose_beside_a_film_word():
    found = {}
    for sentence in PROSE_RUNTIMES:
        found[sentence] = extract_record(f"Salt\n\n{sentence}\n").to_gold_dict()["runtime_minutes"]
    assert found == PROSE_RUNTIMES


def test_documentary_words_of_persian_arabic_and_indonesian_prose():
    pages = [
        "خانه باد\n\nاین مستند داستان پیرمردی در روستایی کنار دریا است.\n",
        "بيت الريح\n\nيروي هذا الفيلم الوثائقي قصة صياد عجوز.\n",
        "Rumah Angin\n\nFilm dokumenter ini bercerita tentang seorang nelayan.\n",
    ]
    assert [extract_record(p).to_gold_dict()["type"] for p in pages] == ["documentary"] * 3


def test_a_table_of_one_word_cells_under_a_header_line():
    page = "Salt\n\nFormat Language Subtitles Sound\n35mm English None Stereo\n"
    page += "DCP English French 5.1\n"
    out = extract_record(page).to_gold_dict()
    assert (out["specs"]["shooting_format"], out["specs"]["sound"]) == ("35mm", "Stereo")
    assert (out["languages"], out["subtitles"]) == (["English"], [])
    copies = "Salt\n\nFormat Language Sound\nDCP Swedish Mono\n"
    out = extract_record(copies).to_gold_dict()
    assert (out["specs"]["shooting_format"], out["languages"]) == (None, ["Swedish"])
    labels = "Salt\n\nCountry Language Year\nCountry Language Year\n"
    assert extract_record(labels).to_gold_dict()["countries"] == []
