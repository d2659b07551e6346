"""The field and role label forms and the lookup table from a label form to its field."""

from __future__ import annotations

from .role_vocabulary import ROLES_BY_LANGUAGE
from .vocabulary import FIELDS_BY_LANGUAGE

_FIELDS = {
    "title": """title|film title|english film title|english title|movie title|project title|
        titre|titre du film|titel|filmtitel|título|titulo|titolo|название|заглавие|片名|影片名|
        中文片名|中文名|标题|標題|作品名|タイトル|제목""",
    "original_title": """original title|titre original|originaltitel|título original|
        titolo originale|оригинално заглавие|оригинальное название|原名|原片名|原始片名|外文名|
        英文片名|英文名|原題""",
    "alt_title": """also known as|aka|a.k.a.|别名|又名|其他片名|別名|alternative title|
        international title|alternate title|autres titres|titre alternatif""",
    "year": """year|production year|year of production|year of completion|completion year|
        année|année de production|année de réalisation|jahr|produktionsjahr|herstellungsjahr|
        año|año de producción|año produccion|año de produccion|anno|anno di produzione|ano|
        год|година|година на производство|год производства|年份|年代|出品年份|制作年份|製作年份|
        出品时间|出品時間|製作年|制作年|年度|制作年度|製作年度""",
    "release_date": """release date|released|completion date|date of completion|premiere date|
        world premiere|date de sortie|sortie|erscheinungsdatum|kinostart|veröffentlichung|
        fecha de estreno|estreno|data di uscita|data de lançamento|дата на излизане|
        дата на премиера|дата выхода|премьера|上映时间|上映時間|上映日期|首映|首映日期|发行日期|
        發行日期|公映日期|上映年份|公開日""",
    "runtime": """runtime|run time|running time|length|duration|film length|durée|durée du film|
        laufzeit|länge|dauer|spieldauer|duración|duracion|durata|duração|продължителност|
        времетраене|време за работа|продолжительность|хронометраж|片长|片長|时长|時長|影片时长|
        影片時長|上映時間長|上映长度|長度|长度|上映時長|収録時間|상영시간""",
    "country": """country|countries|country of origin|country of production|production country|
        production countries|countries of origin|pays|pays d'origine|pays de production|land|
        produktionsland|herkunftsland|produktionsländer|país|país de producción|país de origen|
        país de produccion|paese|paese di produzione|país de produção|страна|държава|
        страна производства|国家|國家|制片国家|制片国家/地区|製片國家|製片國家/地區|国家/地区|
        國家/地區|地区|地區|出品国家|出品國家|产地|產地|製作国|製作國|国別|국가""",
    "language": """language|languages|original language|spoken language|spoken languages|
        dialogue language|langue|langues|langue d'origine|langue originale|version originale|
        original version|versión original|sprache|originalsprache|sprachen|idioma|idiomas|
        idioma original|lingua|lingua originale|língua|език|езици|язык|оригинальный язык|语言|
        語言|对白语言|對白語言|对白|對白|语种|語種|言語|언어""",
    "subtitles": """subtitle|subtitles|subtitled|subtitle language|subtitles language|
        sous-titres|sous-titre|sous titres|untertitel|subtítulos|subtitulos|sottotitoli|
        legendas|субтитри|субтитры|字幕|字幕语言|字幕語言""",
    "genre": """genre|genres|genre(s)|category|categories|género|genero|géneros|gender|gattung|
        genere|generi|gênero|жанр|жанрове|жанры|类型|類型|影片类型|影片類型|ジャンル|장르""",
    "type": """type|project type|film type|type of film|type of project|tipo|tipo de proyecto|
        tipo de obra|type de film|type de projet|filmtyp|projekttyp|вид|тип|片种|片種""",
    "shooting_format": """shooting format|format|film format|capture format|camera format|
        recording format|format de tournage|support de tournage|formato|formato de rodaje|
        formato de grabación|drehformat|aufnahmeformat|формат|формат на заснемане|拍摄格式|
        拍攝格式|拍摄介质|拍攝介質|拍摄格式/介质|formato di ripresa|formato de captação|bitola|
        kameraformat|inspelningsformat|formaat|формат съёмки|çekim formatı|định dạng quay|
        format pengambilan gambar|撮影フォーマット|撮影方式|촬영 포맷|촬영 방식""",
    "aspect_ratio": """aspect ratio|ratio|screen ratio|image ratio|picture ratio|
        format d'image|ratio d'image|seitenverhältnis|bildformat|relación de aspecto|pantalla|
        formato de pantalla|proporção|proporzioni|соотношение сторон|съотношение|画幅|画面比例|
        畫面比例|宽高比|寬高比|屏幕比例|format image|formato panoramico|formato de tela|
        beeldformaat|формат изображения|формат кадра|görüntü oranı|rasio aspek|نسبت تصویر|
        نسبة العرض|نسبة الأبعاد|画面比率|화면비율|화면 비율""",
    "sound": """sound|sound format|audio|audio format|son|format son|format sonore|ton|
        tonformat|sonido|formato de sonido|suono|som|звук|声音|聲音|声道|聲道|音响|音響|
        ljud|lyd|geluidsformaat|ses formatı|format suara|âm thanh|음향 방식|음향 포맷""",
    "color": """color|colour|film color|film colour|couleur|farbe|cor|colore|цвят|цвет|色彩|
        颜色|顏色|color/b&w|colour/b&w|colour or b&w|color or b&w|warna|色|색상|컬러/흑백""",
    "budget": """budget|production budget|estimated budget|budget estimate|presupuesto|orçamento|
        бюджет|预算|預算|制作成本|製作成本|成本|制作预算|製作預算""",
    "synopsis": """synopsis|sinopsis|sinossi|sinopse|summary|plot|plot summary|storyline|
        logline|log line|description|film description|short synopsis|long synopsis|
        about the film|résumé|synopsis du film|inhalt|handlung|kurzinhalt|inhaltsangabe|trama|
        resumen|сюжет|описание|резюме|синопсис|剧情简介|劇情簡介|剧情|劇情|简介|簡介|内容简介|
        內容簡介|故事梗概|梗概|影片简介|影片簡介|あらすじ|줄거리""",
    "skip": """production company|production companies|company|companies|compagnie|studio|
        distributor|distributors|distributed by|distribution company|разпространява се от|
        разпространител|sales|world sales|sales agent|url|website|web site|site|official site|
        official website|tags|keywords|country of filming|countries of filming|filming location|
        filming locations|shooting place|shooting location|shooting locations|lugar de rodaje|
        lieu de tournage|lieux de tournage|drehort|drehorte|location|locations|revenue|
        box office|box office total|gross|metacritic score|rating|rated|mpaa rating|
        imdb rating|awards|dvd release date|quality|views|status|first-time filmmaker|
        student project|opening hours|price|tickets|venue|updated|更新时间|更新時間|资源状态|
        資源狀態|评分|評分|更新|状态|狀態|certificate|age rating|contact|email|phone|
        production status|festivals|screenings|premiere status|isbn|imdb|拍摄地|拍攝地|
        取景地|发行公司|發行公司|出品公司|制作公司|製作公司|出品|firma|productora""",
}


_ROLES = {
    "director": """director|directors|directed by|direction|film director|co-director|
        co-directors|codirector|a film by|film by|un film de|réalisation|réalisateur|
        réalisatrice|réalisateurs|réalisé par|mise en scène|regie|regisseur|regisseurin|
        ein film von|dirección|director/a|directora|dirigida por|dirigido por|direção|diretor|
        diretora|realizador|realizadora|realización|regia|regista|diretto da|reżyseria|reżyser|
        režie|režisér|режисьор|режисьори|режисиран от|режисура|режиссёр|режиссер|режиссеры|
        режиссура|导演|導演|执导|執導|總導演|总导演|監督|감독""",
    "writer": """writer|writers|written by|screenplay|screenplay by|screenwriter|screenwriters|
        script|scriptwriter|story by|scénario|scénariste|écrit par|drehbuch|drehbuchautor|
        guion|guión|guionista|guionistas|escrito por|roteiro|roteirista|sceneggiatura|
        sceneggiatore|scenariusz|сценарий|сценарист|сценаристи|написано от|автор сценария|
        编剧|編劇|剧本|劇本|脚本""",
    "producer": """producer|producers|produced by|production|co-producer|co-producers|
        coproducer|associate producer|line producer|producteur|productrice|producteurs|
        produit par|produzent|produzentin|produktion|productor|productores|producido por|
        producción|produtor|produtora|produção|produttore|prodotto da|producent|продуцент|
        продуценти|произведени от|продуцирано от|продюсер|продюсеры|制片|製片|制片人|製片人|
        製作人|制作人|プロデューサー""",
    "executive producer": """executive producer|executive producers|executive produced by|
        producteur exécutif|productrice exécutive|productor ejecutivo|produtor executivo|
        ausführender produzent|изпълнителен продуцент|исполнительный продюсер|监制|監製|出品人|
        总监制|總監製""",
    "cinematography": """cinematography|cinematographer|director of photography|
        directors of photography|dop|d.o.p.|dp|photography|camera|director de fotografía|
        directeur de la photographie|image|chef opérateur|kamera|bildgestaltung|fotografía|
        fotografia|direção de fotografia|direttore della fotografia|zdjęcia|кинематография|
        оператор|оператор-постановщик|операторска работа|摄影|攝影|摄影指导|攝影指導|撮影|
        撮影監督|촬영""",
    "editor": """editor|editors|editing|edited by|film editor|film editing|montage|monteur|
        monteuse|schnitt|montaje|montador|edición|montagem|montaggio|montatore|монтаж|
        монтажист|монтажёр|редактиран от|剪辑|剪輯|剪接|編集|편집""",
    "sound": """sound design|sound designer|sound mix|sound mixer|sound mixing|sound recordist|
        sound recording|sound editor|sound engineer|production sound|re-recording mixer|
        ingénieur du son|mixage|conception sonore|tonmeister|sounddesign|diseño de sonido|
        sonidista|звукорежисьор|звукорежиссёр|звукорежиссер|录音|錄音|混音|声音设计|聲音設計|
        音效|录音师|錄音師|音響効果|録音""",
    "music": """music|music by|original music|composer|composers|score|original score|
        musique|musique originale|compositeur|compositrice|musik|komponist|filmmusik|música|
        música original|compositor|musica|musiche|compositore|muzyka|музика|музика от|музыка|
        композитор|音乐|音樂|作曲|配乐|配樂|原创音乐|音楽|음악""",
    "cast": """cast|starring|actors|actor|actress|featuring|main cast|narrator|narrated by|
        voice|voices|voice cast|interprètes|avec|en vedette|distribution|acteurs|darsteller|
        besetzung|schauspieler|reparto|intérpretes|interpretes|elenco|actores|interpreti|
        в ролите|актьори|участват|в ролях|в главных ролях|актёры|актеры|演员|演員|主演|配音|
        旁白|出演|キャスト|출연""",
    "art": """art director|art direction|production design|production designer|costume|
        costumes|costume design|costume designer|set design|set designer|make-up|makeup|
        dirección artística|dirección de arte|director de arte|décors|chef décorateur|
        szenenbild|ausstattung|kostüm|scenografia|художник|美术|美術|美术指导|美術指導|服装|服裝|
        造型|化妆|化妝""",
    "animation": """animation|animator|animators|animated by|character design|
        animation director|анимация|аниматор|动画|動畫|原画|原畫|作画""",
    "other": """assistant director|first assistant director|casting|casting director|vfx|
        visual effects|colorist|colourist|color grading|colour grading|gaffer|key grip|
        script supervisor|production manager|translation|translator|consultant|researcher|
        still photographer|stills|lighting|boom operator|副导演|副導演|场记|場記|灯光|燈光|
        制片主任|製片主任|化妆师|调色|調色|特效|字幕翻译""",
}


def _set_of(forms: str) -> frozenset[str]:
    """A set of "|"-separated forms, each with its whitespace collapsed."""
    return frozenset(" ".join(form.split()) for form in forms.split("|"))


# Labels that are also common words: never glued to a value ("LandRover" is no country).
_NEEDS_SEPARATOR = _set_of(
    """with|mit|avec|image|camera|story|description|ratio|format|date|origin|support|buch|ton|
    son|sound|music|cast|voice|voices|actor|plot|site|type|tipo|land|location|status|
    views|rating|rated|price|venue|company|studio|sales|url|summary|length|duration|
    photography|production|direction|distribution|animation|montage|editing|script|score|
    mix|quality|color|colour|title|year|language|country|genre|category|résumé|handlung|
    met|con|com|cu|minutes|start|release|version|bild|ses|hang|som|rok|ano|adı|dil|tür|nome|
    name|premiere|tempo|time|czas|zeit|nước|foto|author|autor|auteur|origine|origen|editor|
    zene|gen|audio|voix|stimme|historia|história|storia|jaar|taal|land|regi|regie|manus|
    klipp|musik|musica|muziek|musique|camera|kamera|
    inhalt|trama|awards|festivals|screenings|contact|email|phone|updated|tags|keywords|
    firma|gender|剧情|劇情|出品|更新|状态|狀態|对白|對白|地区|地區|年代|年度|成本|类型|類型|描述"""
)


# Of those, the ones that are no label even alone on their line (the next line is no value).
_NOT_BARE = _set_of(
    "with|mit|avec|image|camera|story|date|origin|support|buch|ton|son|mix|score|site|land|"
    "status|views|price|venue|firma|met|con|com|cu|minutes|start|release|version|bild|ses|"
    "hang|som|zvuk|ljud|lyd|rok|år|ano|an|adı|dil|tür|nome|name|premiere|tempo|time|czas|"
    "zeit|nước|sản xuất|production|photography|foto|author|autor|auteur|origine|origen|"
    "editor|edition|zene|gen|audio|sound|voice|voix|stimme|story|historia|história|"
    "storia|contenu|inhalt|内容|时间|時間|시간|時間|尺|国|作者|名称|名稱|年份|年度|年代"
)


_TABLE: dict[str, str] = {}
for _field, _forms in _FIELDS.items():
    for _form in _forms.split("|"):
        _TABLE.setdefault(" ".join(_form.split()).casefold(), _field)
for _cat, _forms in _ROLES.items():
    for _form in _forms.split("|"):
        _TABLE.setdefault(" ".join(_form.split()).casefold(), "credit:" + _cat)
for _by_field in FIELDS_BY_LANGUAGE.values():
    for _field, _forms in _by_field.items():
        for _form in _forms.split("|"):
            _TABLE.setdefault(" ".join(_form.split()).casefold(), _field)
for _by_cat in ROLES_BY_LANGUAGE.values():
    for _cat, _forms in _by_cat.items():
        for _form in _forms.split("|"):
            _TABLE.setdefault(" ".join(_form.split()).casefold(), "credit:" + _cat)
_TABLE.pop("", None)

_MAX_LABEL = max(len(k) for k in _TABLE)
