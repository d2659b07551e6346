"""The extractor on page forms from many languages and layouts, with exact values.

Every page here is written for the test (no corpus text): each shows one layout or wording the
extractor must read without having seen the page, and each fails on the extractor before it
learnt that form.
"""

from filmfolio.importer.extract import credits, extract_record, festivals, labels, quantities
from filmfolio.importer.extract.clean import clean_text
from filmfolio.importer.extract.facts import fact_line


def rec(text: str) -> dict:
    return extract_record(text).to_gold_dict()


def test_labels_in_many_languages():
    cases = {
        "Σκηνοθεσία: Ελένη Παππά": ("credit:director", "Ελένη Παππά"),
        "Yönetmen: Ayşe Demir": ("credit:director", "Ayşe Demir"),
        "Sutradara: Budi Santoso": ("credit:director", "Budi Santoso"),
        "کارگردان: علی رضایی": ("credit:director", "علی رضایی"),
        "إخراج: سامي يوسف": ("credit:director", "سامي يوسف"),
        "Reżyseria: Jan Nowak": ("credit:director", "Jan Nowak"),
        "Speelduur: 90 minuten": ("runtime", "90 minuten"),
        "제작국가 (전체) | 체코 |": ("country", "체코"),
        "Thời lượng: 43 phút": ("runtime", "43 phút"),
        "Anggaran: Rp 5 Miliar": ("budget", "Rp 5 Miliar"),
    }
    found = {}
    for line in cases:
        lab = labels.parse_line(line, 0)
        found[line] = (lab.field, lab.value) if lab else None
    assert found == cases


def test_a_running_time_under_a_release_label_is_a_running_time():
    # "上映時間" is a running time in Japanese and a release date in Chinese.
    out = rec("夢の島\n上映時間:118分\n")
    assert (out["runtime_minutes"], out["year"]) == (118, None)


def test_glued_labels_before_any_capital_and_after_long_labels():
    vi = labels.parse_line("Đạo diễnNguyễn Văn An", 0)
    assert (vi.field, vi.value) == ("credit:director", "Nguyễn Văn An")
    lower = labels.parse_line("Ngôn ngữtiếng Việt", 0)
    assert (lower.field, lower.value) == ("language", "tiếng Việt")
    assert labels.parse_line("Landscape of memory", 0) is None


def test_runtimes_in_many_units():
    cases = {"43 phút": 43, "115 menit": 115, "95 dakika": 95, "80분": 80, "18’": 18}
    assert {k: quantities.runtime_minutes(k) for k in cases} == cases


def test_space_parted_label_block():
    page = "Quiet Harbour\n\nDirector Mara Lind\nCountry Norway\nYear 2020\nDuration 00:24:10\n"
    out = rec(page)
    assert (out["title"], out["year"], out["runtime_minutes"]) == ("Quiet Harbour", 2020, 24)
    assert (out["directors"], out["countries"]) == (["Mara Lind"], ["Norway"])


def test_prose_line_starting_with_a_label_word_is_no_label():
    out = rec("Director Mara Lind grew up by the sea and studied in Oslo for many years.\n")
    assert out["countries"] == [] and out["year"] is None


def test_infobox_value_after_a_blank_line_and_continued_lists():
    page = "Gatunek\n\nfilm dokumentalny\n\nReżyseria\n\nJan Nowak\n\nJęzyk\n\npolski\nangielski\n"
    out = rec(page)
    assert (out["directors"], out["languages"]) == (["Jan Nowak"], ["polski", "angielski"])
    assert out["type"] == "documentary"


def test_directors_in_prose_in_many_languages():
    assert rec("Un documentaire de la réalisatrice Claire Morel sur les marais.\n")[
        "directors"
    ] == ["Claire Morel"]
    assert rec("Im Team sind Lena Vogt (Regie) und Tim Ahrens (Kamera), gedreht wird im Mai.\n")[
        "credits"
    ] == [
        {"role": "Regie", "name": "Lena Vogt"},
        {"role": "Kamera", "name": "Tim Ahrens"},
    ]
    assert rec("砂の記憶\n監督の山本花子は三年をかけて撮影した。\n")["directors"] == ["山本花子"]
    assert rec("바다의 노래\n김민수 감독이 부산에서 기자회견을 열었다.\n")["directors"] == [
        "김민수"
    ]
    assert rec("The Program Director Ann Holt welcomed the guests.\n")["directors"] == []


def test_by_line_under_the_title():
    out = rec("Il mare d'inverno\ndi Paolo Serra, Italia, 2022, 14’ – in concorso\n")
    assert (out["directors"], out["year"], out["runtime_minutes"]) == (["Paolo Serra"], 2022, 14)
    assert out["countries"] == ["Italia"]


def test_titles_named_in_running_text():
    news = (
        "Students win at regional showcase\n\n"
        "The short documentary 'Salt and Iron' follows two welders. 'Salt and Iron' was made "
        "in six weeks.\n"
    )
    assert rec(news)["title"] == "Salt and Iron"
    headline = "NORTHLIGHT: A Documentary About Night Workers Opens Funding Campaign\n\nText.\n"
    assert rec(headline)["title"] == "NORTHLIGHT"
    assert rec("giphy.gif\nRiver Songs\nA portrait of a river.\n")["title"] == "River Songs"
    assert rec("Monday, July 3, 2006\nRiver Songs\n")["title"] == "River Songs"


def test_festivals_in_many_languages():
    es = festivals.sentence_entries(
        "El corto ganó el Mejor Documental en el Festival Internacional de Cine de Huesca."
    )
    assert [(e.festival, e.award, e.result) for e in es] == [
        ("Festival Internacional de Cine de Huesca", "Mejor Documental", "winner")
    ]
    ko = rec("바다\n단편영화<바다>로 제12회 부산국제영화제 경쟁 부문에 진출, 대상을 수상한 감독.\n")
    assert [(f["festival"], f["edition"], f["award"]) for f in ko["festivals"]] == [
        ("부산국제영화제", "12", "대상")
    ]
    assert festivals.sentence_entries("We went to the festival and won an award there.") == []


def test_spec_values_as_parts_of_a_line_and_in_prose():
    out = rec("Night Ferry\nFormat. Ratio. Colour. Sound\nHD. 16/9\nColour. Stereo\n")
    assert out["specs"] == {
        "shooting_format": "HD",
        "aspect_ratio": "16/9",
        "sound": "Stereo",
        "color": "color",
        "budget": None,
    }
    assert rec("Old Town\nEen zwart-witfilm uit 1961 over de haven.\n")["specs"]["color"] == (
        "black and white"
    )
    assert (
        rec("Old Town\nThe team had a £8,000 budget to make it.\n")["specs"]["budget"] == "£8,000"
    )
    assert rec("Old Town\nInsgesamt kostet der Film 30.000 Euro.\n")["specs"]["budget"] == (
        "30.000 Euro"
    )


def test_cldr_names_in_fact_lines():
    facts = fact_line("Sverige | 2021 | 16 min")
    assert (facts.countries, facts.year, facts.runtime) == (["Sverige"], 2021, 16)
    # A lone word CLDR knows only in another language is no fact line.
    assert fact_line("Belanda") is None


def test_mis_decoded_text_is_repaired():
    assert clean_text("RÃ©alisÃ© par FranÃ§ois Roux")[0] == "Réalisé par François Roux"
    assert clean_text("“Curly” quotes and ﬁ stay")[0] == "“Curly” quotes and fi stay"


def test_dates_in_any_language():
    budget = [2]
    assert quantities.any_full_date("27 tháng 11 năm 1988", budget) == "1988-11-27"
    assert quantities.any_full_date("11 Ağustos 2019", budget) == "2019-08-11"
    assert budget == [0]
    assert quantities.any_full_date("14 Mart 2020", budget) is None


def test_names_never_cross_a_line():
    assert credits.role_word_director("She is a filmmaker\nI know well.") is None


def test_labelled_segments_of_one_line():
    out = rec("風の町\n2019年4月6日(土)公開 / 上映時間:95分 / 製作:2018年(日本) / 配給:東宝\n")
    assert (out["runtime_minutes"], out["year"], out["countries"]) == (95, 2018, ["日本"])
    assert out["credits"] == []


def test_numbers_glued_to_their_labels():
    out = rec("Angin Selatan\nDurasi98 menit\nTahun2015\n")
    assert (out["runtime_minutes"], out["year"]) == (98, 2015)
    assert labels.parse_line("Negara1945", 0) is None


def test_a_label_in_two_languages_on_two_lines():
    out = rec("Corto\n\nDuración\nRuntime\n\n7:15\n")
    assert out["runtime_minutes"] == 7
    assert rec("Largo\n\nDuración\nRuntime\n\n1:35\n")["runtime_minutes"] == 95


def test_a_production_year_beats_a_later_release():
    out = rec("川の歌\n公開日:2011年3月5日\n2010年製作/72分/日本\n")
    assert (out["year"], out["runtime_minutes"], out["countries"]) == (2010, 72, ["日本"])
    assert rec("海\n2016-04-27中国大陆上映\n")["year"] == 2016


def test_titles_from_the_page_head():
    assert (
        rec("電影資料庫 ONLINE\n検索\n\n頭の森(2004)\n\nHEAD FOREST\n上映時間12分\n")["title"]
        == "頭の森"
    )
    glued = "BackMenuCloseSearchShareFacebookInstagramTwitterYouTubeLinkedInNewsletter" * 2
    assert rec(f"{glued}\n\nTHE LONG SHORE\nUne histoire de côte.\n")["title"] == "THE LONG SHORE"
    pair = rec("단편영화 - 바다 영화\n\n바다 영화,The Sea Film(2019)\n")
    assert (pair["title"], pair["original_title"], pair["year"]) == (
        "The Sea Film",
        "바다 영화",
        2019,
    )
    assert rec("学校首页\n《春天的河》是一部纪录片。\n")["title"] == "春天的河"


def test_awards_named_after_the_event():
    pt = festivals.sentence_entries("O filme disputou o Oscar de Melhor Curta em 2019.")
    assert [(e.festival, e.award, e.year, e.result) for e in pt] == [
        ("Oscar", "Melhor Curta", 2019, "nominee")
    ]
    es = festivals.sentence_entries(
        "Fue finalista en los Premios Goya en la Categoría de Mejor Cortometraje de Animación."
    )
    assert [(e.festival, e.award, e.result) for e in es] == [
        ("Premios Goya", "Mejor Cortometraje de Animación", "nominee")
    ]


def test_chinese_awards_after_the_event_and_before_the_title():
    zh = rec("新闻\n由学生创作的《山路》斩获本届纪录片论坛最佳短片奖。第三届青年纪录片论坛落幕。\n")
    assert [(f["festival"], f["edition"], f["award"]) for f in zh["festivals"]] == [
        ("青年纪录片论坛", "3", "最佳短片奖")
    ]
    tw = rec("新聞\n第30屆金馬獎頒獎典禮今晚登場,最佳紀錄片由《河流》獲獎。\n")
    assert [(f["festival"], f["edition"], f["award"]) for f in tw["festivals"]] == [
        ("金馬獎", "30", "最佳紀錄片")
    ]


def test_chinese_awards_clause_by_clause():
    text = (
        '片子\n本片2001年5月获法国马赛国际纪录片电影节"新视野"评审团奖;2002年获日本'
        "山形国际纪录片电影节优秀奖。它也入围了金马奖的最佳纪录片与最佳剪辑奖项。\n"
    )
    assert [
        (f["festival"], f["year"], f["section"], f["award"], f["result"])
        for f in rec(text)["festivals"]
    ] == [
        ("法国马赛国际纪录片电影节", 2001, "新视野", "评审团奖", "winner"),
        ("日本山形国际纪录片电影节", 2002, None, "优秀奖", "winner"),
        ("金马奖", None, None, "最佳纪录片", "selection"),
        ("金马奖", None, None, "最佳剪辑", "selection"),
    ]


def test_window_titles_lose_their_site():
    assert rec("Deep Water (2014) - Wikipedia\nA documentary film.\n")["title"] == "Deep Water"
    assert rec("Deep Water | MUBI\n")["title"] == "Deep Water"
    assert rec("深水 - 豆瓣电影\n")["title"] == "深水"
    assert rec("Deep Water — example-films.com\n")["title"] == "Deep Water"
    assert rec("Salt - Pepper\n")["title"] == "Salt - Pepper"


def test_directors_of_a_film_in_prose():
    assert rec("Notes\nC'est un film de Louise Martin tourné en Bretagne.\n")["directors"] == [
        "Louise Martin"
    ]
    assert rec("Notes\nAna Ruiz's new documentary follows three sisters.\n")["directors"] == [
        "Ana Ruiz"
    ]


def test_roman_and_edition_ordinals():
    es = festivals.sentence_entries(
        "La película fue seleccionada en la XXV edición del Festival de Cine de Lima."
    )
    assert [(e.festival, e.edition, e.result) for e in es] == [
        ("Festival de Cine de Lima", "25", "selection")
    ]
    fr = festivals.sentence_entries(
        "Le film est sélectionné à la 36e édition du Festival d'Annecy."
    )
    assert [(e.festival, e.edition) for e in fr] == [("Festival d'Annecy", "36")]
    assert quantities.roman_value("XXXVI") == 36


def test_digits_of_other_scripts_and_more_languages():
    fa = rec("پنج رود\nکارگردان: سارا امینی\nمدت: ۸۵ دقیقه\nسال تولید: ۲۰۱۹\n")
    assert (fa["directors"], fa["runtime_minutes"], fa["year"]) == (["سارا امینی"], 85, 2019)
    hi = rec("नदी\nनिर्देशक: अनु मेहता\nअवधि: ९५ मिनट\nदेश: भारत\n")
    assert (hi["directors"], hi["runtime_minutes"], hi["countries"]) == (["अनु मेहता"], 95, ["भारत"])
    fi = rec("Järvi\nOhjaus: Aino Virtanen\nKesto: 72 min\nMaa: Suomi\n")
    assert (fi["directors"], fi["runtime_minutes"], fi["countries"]) == (
        ["Aino Virtanen"],
        72,
        ["Suomi"],
    )
    hr = rec("Rijeka\nRežija: Ivana Horvat\nTrajanje: 15 minuta\nZemlja: Hrvatska\n")
    assert (hr["directors"], hr["runtime_minutes"], hr["type"]) == (["Ivana Horvat"], 15, "short")
