"""Directors, credits and festivals on small pages written for these tests, with exact values.

No page here comes from the corpus: each shows a layout or a wording the extractor reads from
its knowledge of languages and layouts (credit runs without colons, role labels alone on their
line, crew named by a role word in running text, festival names in capitals, festival names that
start with the event word, Turkish case endings, years after the days of an event).
"""

from filmfolio.importer.extract import extract_record
from filmfolio.importer.extract.credit_runs import credit_runs
from filmfolio.importer.extract.prose_roles import prose_roles


def rec(text: str) -> dict:
    return extract_record(text).to_gold_dict()


def credits_of(out: dict) -> list[tuple[str, str]]:
    return [(c["role"], c["name"]) for c in out["credits"]]


def festivals_of(out: dict) -> list[tuple]:
    return [
        (f["festival"], f["edition"], f["year"], f["award"], f["result"]) for f in out["festivals"]
    ]


def test_a_credit_run_in_capitals_with_a_combined_label():
    page = (
        "NACHTZUG\n\nD | 2019 | 14'\n\n"
        "REGIE, BUCH JONAS KELLER KAMERA LIOBA STEIN, ARNE VOSS MUSIK PETRA LANG\n"
    )
    out = rec(page)
    assert out["directors"] == ["JONAS KELLER"]
    assert credits_of(out) == [
        ("REGIE", "JONAS KELLER"),
        ("BUCH", "JONAS KELLER"),
        ("KAMERA", "LIOBA STEIN"),
        ("KAMERA", "ARNE VOSS"),
        ("MUSIK", "PETRA LANG"),
    ]


def test_a_credit_run_in_title_case_keeps_a_surname_that_is_a_role_word():
    # "Son" is the French sound label; here it ends a name and is followed by another label.
    assert credit_runs("Director Paul Son Editor Mia Grant Music Ivo Hale") == [
        ("Director", ["Paul Son"]),
        ("Editor", ["Mia Grant"]),
        ("Music", ["Ivo Hale"]),
    ]


def test_a_chinese_credit_run():
    assert credit_runs("导演 林海 摄影 周岚 剪辑 许诺") == [
        ("导演", ["林海"]),
        ("摄影", ["周岚"]),
        ("剪辑", ["许诺"]),
    ]


def test_prose_is_no_credit_run():
    assert credit_runs("Director Paul Grant said the shoot took nine days in the snow") == []
    assert credit_runs("Camera Obscura is the title of the second film") == []


def test_role_labels_alone_on_their_lines_in_a_credits_block():
    page = (
        "Zwischen den Jahren\n\nDokumentarfilm, 2018\n\n"
        "Regie\nHanna Roth\nBuch\nHanna Roth · Felix Baum\nKamera\nTilo Brandt\n"
    )
    out = rec(page)
    assert out["directors"] == ["Hanna Roth"]
    assert credits_of(out) == [
        ("Regie", "Hanna Roth"),
        ("Buch", "Hanna Roth"),
        ("Buch", "Felix Baum"),
        ("Kamera", "Tilo Brandt"),
    ]


def test_a_name_line_continues_a_credit_whatever_its_capital():
    page = "Sông quê\n\nĐạo diễnLê Minh\nQuay phimTrần Nam\nĐinh Văn Hải\n"
    assert credits_of(rec(page)) == [
        ("Đạo diễn", "Lê Minh"),
        ("Quay phim", "Trần Nam"),
        ("Quay phim", "Đinh Văn Hải"),
    ]


def test_crew_named_by_a_role_word_in_running_text():
    text = (
        "The film was shot over two winters by cinematographer Ines Alvarado, and the festival "
        "producer Tom Reyes praised it. Le montage est signé par la monteuse Chloé Berger."
    )
    assert prose_roles(text) == [
        ("Ines Alvarado", "cinematographer", 54, 67),
        ("Chloé Berger", "monteuse", 154, 166),
    ]


def test_crew_named_by_a_role_word_in_chinese_japanese_and_korean():
    assert prose_roles("感谢制片人王海燕老师,以及摄影师陈默。") == [
        ("王海燕", "制片人", 5, 8),
        ("陈默", "摄影师", 16, 18),
    ]
    assert prose_roles("監督は山本カメラマンと共に島へ渡った。") == [("山本", "カメラマン", 3, 5)]
    assert prose_roles("촬영감독 박서준이 바다를 찍었다.") == [("박서준", "촬영감독", 5, 8)]


def test_an_award_category_and_a_list_of_subjects_are_no_crew():
    assert prose_roles("入围最佳剪辑奖项。") == []
    assert prose_roles("宮崎駿監督、鈴木敏夫プロデューサー、高畑勲監督に密着した。") == []


def test_festival_names_in_capitals_with_an_article():
    page = (
        "Salt Roads\n\nNews\n\n"
        "We are thrilled to be accepted to THE HARBOUR CITY FILM FESTIVAL and THE NORTH VALLEY "
        "FILM FESTIVAL this autumn.\n"
        "WINNER BEST DOCUMENTARY AT THE 9TH LAKESIDE SHORTS FESTIVAL 2021\n"
    )
    assert festivals_of(rec(page)) == [
        ("HARBOUR CITY FILM FESTIVAL", None, None, None, "selection"),
        ("NORTH VALLEY FILM FESTIVAL", None, None, None, "selection"),
        ("LAKESIDE SHORTS FESTIVAL", "9", 2021, "Best Documentary", "winner"),
    ]


def test_the_year_after_the_days_of_the_festival():
    page = (
        "Paper Boats\n\n"
        "Paper Boats has been selected for the 4th annual Riverbend Film Festival, "
        "October 3 to 9, 2016 in Ashford.\n"
        "Le film sera projeté au Festival de Clairmont (12-18 mai 2019).\n"
    )
    assert festivals_of(rec(page)) == [
        ("Riverbend Film Festival", "4", 2016, None, "selection"),
        ("Festival de Clairmont", None, 2019, None, "selection"),
    ]


def test_festival_names_that_start_with_the_event_word():
    page = (
        "Bến nước\n\n"
        "Phim được chiếu tại Liên hoan phim ngắn quốc tế Hạ Long năm 2015 rồi đoạt giải "
        "Cánh diều vàng.\n"
        "فاز الفيلم بجائزة أفضل فيلم قصير في مهرجان الإسكندرية السينمائي عام 2018.\n"
        "Η ταινία προβλήθηκε στο 21ο Φεστιβάλ Ταινιών Μικρού Μήκους Δράμας το 2014.\n"
    )
    assert festivals_of(rec(page)) == [
        ("Liên hoan phim ngắn quốc tế Hạ Long", None, 2015, "Cánh diều vàng", "winner"),
        ("مهرجان الإسكندرية السينمائي", None, 2018, "أفضل فيلم قصير", "winner"),
        ("Φεστιβάλ Ταινιών Μικρού Μήκους Δράμας", "21", 2014, None, "selection"),
    ]


def test_persian_and_russian_festival_lines():
    page = (
        "خانه\n\n"
        "این فیلم در دوره ۳۸ جشنواره فیلم کوتاه تهران نمایش داده شد.\n"
        "Фильм вошёл в программу 12-го кинофестиваля «Северный свет» в 2020 году.\n"
    )
    assert festivals_of(rec(page)) == [
        ("جشنواره فیلم کوتاه تهران", "38", None, None, "selection"),
        ("кинофестиваля «Северный свет»", "12", 2020, None, "selection"),
    ]


def test_a_turkish_festival_with_its_case_ending_and_award():
    page = (
        "Kıyı\n\n"
        "Film, 14. Uluslararası Mardin Kısa Film Festivali'nde En İyi Kurmaca Ödülü'nü kazandı.\n"
    )
    assert festivals_of(rec(page)) == [
        ("Uluslararası Mardin Kısa Film Festivali", "14", None, "En İyi Kurmaca Ödülü", "winner"),
    ]


def test_a_dated_infobox_mention_gives_the_festival_its_year():
    page = (
        "Đồng lúa\n\nNgày phát hành\n3 tháng 5 năm 1991 (Liên hoan phim tài liệu Huế)\n\n"
        "Bộ phim được trình chiếu tại Liên hoan phim tài liệu Huế.\n"
    )
    assert festivals_of(rec(page)) == [
        ("Liên hoan phim tài liệu Huế", None, 1991, None, "selection")
    ]


def test_cjk_running_text_after_a_glued_label_is_no_name():
    page = (
        "月の庭(2015)\n\n監督:高橋順\n音楽:森田瞳\nザ・ムーンズ\n\n"
        "アニメーションの肝になるのは「線」の動きです。\n"
        "編集で思うのは、「間」の重要性です。\n"
    )
    assert credits_of(rec(page)) == [
        ("監督", "高橋順"),
        ("音楽", "森田瞳"),
        ("音楽", "ザ・ムーンズ"),
    ]


def test_a_korean_director_in_the_passive_made_by_form():
    page = (
        "바다의 기억\n\n2019 | 다큐멘터리\n\n"
        "이 작품은 사진가인 마리 뒤퐁에 의해 만들어진 첫 번째 영화이다.\n"
    )
    out = rec(page)
    assert out["directors"] == ["마리 뒤퐁"]


def test_festival_and_award_lists_under_headings_and_labels():
    page = (
        "Still Water\n\nDirector: Ana Ruiz\n\n"
        "Festivals\n"
        "• Berlinale 2019 – Forum\n"
        "• Northbay Documentary Festival 2019 (World Premiere)\n\n"
        "Awards: Best Documentary, Sheffield Doc/Fest 2020\n\n"
        "Auszeichnungen\nDeutscher Kurzfilmpreis 2019\n"
    )
    assert sorted(festivals_of(rec(page)), key=lambda f: f[0]) == [
        ("Berlinale", None, 2019, None, "selection"),
        ("Deutscher Kurzfilmpreis", None, 2019, None, "winner"),
        ("Northbay Documentary Festival", None, 2019, None, "selection"),
        ("Sheffield Doc/Fest", None, 2020, "Best Documentary", "winner"),
    ]


def test_laurel_lines_and_a_heading_with_nothing_under_it():
    page = (
        "Still Water\n\n"
        "Official Selection – Harbour Lights Film Festival 2021\n"
        "Winner – Best Director – Prairie Shorts Festival 2017\n\n"
        "FESTIVALS UND PREISE\n\nREGIE ANA RUIZ KAMERA TOM BERG\n"
    )
    assert festivals_of(rec(page)) == [
        ("Harbour Lights Film Festival", None, 2021, None, "selection"),
        ("Prairie Shorts Festival", None, 2017, "Best Director", "winner"),
    ]


def test_german_festival_and_prize_names():
    page = (
        "Stilles Wasser\n\nAuszeichnungen\nDeutscher Kurzfilmpreis 2019\n\n"
        "Festivals\nInternationale Kurzfilmtage Oberhausen 2018\n"
    )
    assert festivals_of(rec(page)) == [
        ("Deutscher Kurzfilmpreis", None, 2019, None, "winner"),
        ("Internationale Kurzfilmtage Oberhausen", None, 2018, None, "selection"),
    ]
