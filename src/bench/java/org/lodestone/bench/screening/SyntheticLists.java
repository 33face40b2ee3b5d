package org.lodestone.bench.screening;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lodestone.screening.matching.EntryIdentifier;
import org.lodestone.screening.matching.ListedEntry;
import org.lodestone.screening.matching.NameQuery;

/**
 * A seeded, deterministic synthetic restricted-party list (Latin, Hanzi, Cyrillic and Arabic names with aliases,
 * countries and some identifiers) and a labelled query set of true variants and hard negatives. The same seed gives
 * the same list and queries on every machine.
 */
public final class SyntheticLists {

    /** What kind of party an entity is. */
    public enum Kind {
        LATIN_PERSON,
        LATIN_COMPANY,
        CHINESE_COMPANY,
        CHINESE_PERSON,
        CYRILLIC_PERSON,
        CYRILLIC_COMPANY,
        ARABIC_PERSON
    }

    /**
     * One generated entity: the entry as listed, plus what the generator knows and the list may not show (the Hanzi
     * name of an entity listed only in English, the parts of a name) so that queries can vary it.
     */
    public record Entity(
            ListedEntry entry,
            Kind kind,
            List<String> latinParts,
            @Nullable String legalForm,
            @Nullable String hanzi,
            @Nullable String latin,
            @Nullable String other) {}

    /**
     * A labelled query.
     *
     * @param expectedEntryId the entry it must find, or {@code null} for a hard negative that must find nothing
     * @param variant how it was made ({@code typo}, {@code hanziToPinyin}, {@code negativeGivenName}, …)
     */
    public record LabelledQuery(NameQuery query, @Nullable String expectedEntryId, String variant) {}

    private static final Transliterator HAN_LATIN = Transliterator.getInstance("Han-Latin; Latin-ASCII");
    private static final Transliterator RU_LATIN = Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII");
    private static final Map<Integer, String> PINYIN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, String> ROMANISED = new java.util.concurrent.ConcurrentHashMap<>();

    private static final String[] GIVEN =
            ("James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew "
                            + "Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald "
                            + "Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott "
                            + "Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler "
                            + "Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Mary Patricia Jennifer Linda "
                            + "Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley "
                            + "Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca "
                            + "Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen "
                            + "Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane "
                            + "Hans Klaus Jurgen Wolfgang Dieter Helmut Pierre Jacques Francois Philippe Alain Giuseppe "
                            + "Giovanni Marco Luca Alessandro Carlos Miguel Alejandro Fernando Rafael Diego Pablo Mehmet "
                            + "Mustafa Ahmet Emre Burak Olga Svetlana Natalia Irina Tatiana Kwame Kofi Chidi Emeka "
                            + "Rajesh Sanjay Vikram Arjun Priya Anil Sunil Ravi Deepak Lars Henrik Magnus Nils Sven")
                    .split(" ");
    private static final String[] FAMILY_HEAD =
            ("Al An Bar Ber Bran Cal Car Dal Dor Ed El Fal Fer Gar Gil Hal Har Ing Jan Kal Kar Lan Lar Mal Mar "
                            + "Mor Nor Ost Pal Par Quin Ral Ros Sal Sar Stan Tal Tor Ul Val Var Wal Wes Yar Zan Zel Bel "
                            + "Cor Dun Fen Gor Hol Kir Lom Mil Pen Rid Sol Tam Ven")
                    .split(" ");
    private static final String[] FAMILY_MID =
            "a e i o u an en in on ar er or el il am em ad ed ing ov ber ner ter".split(" ");
    private static final String[] FAMILY_TAIL = ("son sen ov ev ski sky ez es er ini elli escu berg man mann ides ovic "
                    + "ton ley field wood stein baum ak ik os is")
            .split(" ");
    private static final String[] BRAND = ("vol trex mar an ta zen ko lu mi ra dor vex ion tal sar nor bel cor dex fin "
                    + "gal hel kar lin mor nex pol quin ros sil tor ul ven wes zar ax bri cal den el")
            .split(" ");
    private static final String[] INDUSTRY =
            ("Technology Trading Metals Mining Materials Magnetics Industries Holdings "
                            + "Group International Electronics Chemicals Logistics Shipping Energy Resources Alloys Components "
                            + "Engineering Systems")
                    .split(" ");
    private static final String[] LEGAL =
            "Ltd|LLC|GmbH|S.A.|Inc.|Limited|Corp.|AG|B.V.|S.r.l.|Pte. Ltd.|JSC|PLC|SAS|Co.".split("\\|");
    private static final String[] LATIN_COUNTRIES =
            "US GB DE FR IT ES NL CH TR IN NG GH SE NO AE SG HK PA CY MT".split(" ");

    private static final String[][] REGIONS = {
        {"江西", "Jiangxi"}, {"广东", "Guangdong"}, {"北京", "Beijing"}, {"上海", "Shanghai"}, {"包头", "Baotou"},
        {"赣州", "Ganzhou"}, {"宁波", "Ningbo"}, {"深圳", "Shenzhen"}, {"江苏", "Jiangsu"}, {"浙江", "Zhejiang"},
        {"山东", "Shandong"}, {"四川", "Sichuan"}, {"湖南", "Hunan"}, {"福建", "Fujian"}, {"天津", "Tianjin"},
        {"厦门", "Xiamen"}, {"广州", "Guangzhou"}, {"苏州", "Suzhou"}, {"杭州", "Hangzhou"}, {"成都", "Chengdu"},
        {"武汉", "Wuhan"}, {"山西", "Shanxi"}, {"河北", "Hebei"}, {"河南", "Henan"}, {"湖北", "Hubei"},
        {"安徽", "Anhui"}, {"云南", "Yunnan"}, {"广西", "Guangxi"}, {"甘肃", "Gansu"}, {"内蒙古", "Inner Mongolia"}
    };
    private static final String[][] CN_INDUSTRY = {
        {"科技", "Technology"},
        {"技术", "Technology"},
        {"电子", "Electronics"},
        {"稀土", "Rare Earth"},
        {"磁", "Magnet"},
        {"磁业", "Magnetics"},
        {"材料", "Materials"},
        {"新材料", "New Materials"},
        {"集团", "Group"},
        {"进出口", "Import Export"},
        {"贸易", "Trading"},
        {"实业", "Industrial"},
        {"金属", "Metals"},
        {"矿业", "Mining"},
        {"化工", "Chemical"},
        {"国际", "International"},
        {"控股", "Holdings"},
        {"永磁", "Permanent Magnet"}
    };
    private static final String BRAND_HAN =
            dedupe("华金瑞泰宏达鑫盛恒通兴源丰昌隆天新博凯力创联信德正东方宝利嘉安康永和顺发明光辉煌晶磊锋赣虹越翔鹏飞腾龙凤" + "海洋山峰云星月阳春秋宁湖远盈润益晟昊昱卓铭志航钢铁川岳森林松柏梅兰竹菊");
    private static final String GIVEN_HAN =
            dedupe("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力林斌宇浩凯晓晨欣怡婷雪琳颖佳俊鹏飞鑫" + "博涵轩瑞泽子梓宁清志国庆东海波峰岩近朋德忠胜利家春秋冬松");
    private static final String[][] SURNAMES = {
        {"张", "Zhang"}, {"徐", "Xu"}, {"蔡", "Cai"}, {"周", "Zhou"}, {"谢", "Xie"}, {"郭", "Guo"}, {"高", "Gao"},
        {"邓", "Deng"}, {"蒋", "Jiang"}, {"赵", "Zhao"}, {"程", "Cheng"}, {"王", "Wang"}, {"李", "Li"}, {"刘", "Liu"},
        {"陈", "Chen"}, {"杨", "Yang"}, {"黄", "Huang"}, {"吴", "Wu"}, {"孙", "Sun"}, {"马", "Ma"}, {"朱", "Zhu"},
        {"胡", "Hu"}, {"林", "Lin"}, {"何", "He"}, {"罗", "Luo"}, {"梁", "Liang"}, {"宋", "Song"}, {"唐", "Tang"},
        {"韩", "Han"}, {"冯", "Feng"}, {"董", "Dong"}, {"萧", "Xiao"}, {"曹", "Cao"}, {"袁", "Yuan"}, {"彭", "Peng"},
        {"田", "Tian"}, {"潘", "Pan"}, {"习", "Xi"}, {"秦", "Qin"}, {"钱", "Qian"}
    };
    /** Pinyin syllable to Wade–Giles, for the syllables the generator uses and that differ. */
    private static final Map<String, String> WADE_GILES = Map.ofEntries(
            Map.entry("zhang", "chang"),
            Map.entry("xu", "hsu"),
            Map.entry("cai", "tsai"),
            Map.entry("zhou", "chou"),
            Map.entry("qing", "ching"),
            Map.entry("xie", "hsieh"),
            Map.entry("guo", "kuo"),
            Map.entry("gao", "kao"),
            Map.entry("deng", "teng"),
            Map.entry("jiang", "chiang"),
            Map.entry("zhao", "chao"),
            Map.entry("cheng", "cheng"),
            Map.entry("xiao", "hsiao"),
            Map.entry("xin", "hsin"),
            Map.entry("jian", "chien"),
            Map.entry("jun", "chun"),
            Map.entry("zhi", "chih"),
            Map.entry("qiang", "chiang"),
            Map.entry("xue", "hsueh"),
            Map.entry("zi", "tzu"),
            Map.entry("ze", "tse"),
            Map.entry("dong", "tung"),
            Map.entry("de", "te"),
            Map.entry("bo", "po"),
            Map.entry("gang", "kang"),
            Map.entry("jie", "chieh"),
            Map.entry("jin", "chin"),
            Map.entry("qin", "chin"),
            Map.entry("xi", "hsi"),
            Map.entry("zhong", "chung"),
            Map.entry("chen", "chen"),
            Map.entry("tao", "tao"),
            Map.entry("zhu", "chu"),
            Map.entry("song", "sung"),
            Map.entry("cao", "tsao"),
            Map.entry("qian", "chien"),
            Map.entry("dan", "tan"),
            Map.entry("ting", "ting"),
            Map.entry("ying", "ying"),
            Map.entry("yu", "yu"),
            Map.entry("rui", "jui"),
            Map.entry("ran", "jan"),
            Map.entry("hui", "hui"),
            Map.entry("peng", "peng"),
            Map.entry("jia", "chia"),
            Map.entry("ju", "chu"),
            Map.entry("xuan", "hsuan"),
            Map.entry("han", "han"));

    private static final String[] RU_GIVEN =
            "Сергей Алексей Дмитрий Андрей Иван Михаил Николай Владимир Павел Юрий Олег Игорь Артём Максим Виктор Евгений Роман Борис Григорий Константин"
                    .split(" ");
    private static final String[] RU_PATRONYMIC =
            "Сергеевич Алексеевич Дмитриевич Андреевич Иванович Михайлович Николаевич Владимирович Павлович Юрьевич Олегович Игоревич Викторович Евгеньевич Романович Борисович"
                    .split(" ");
    private static final String[] RU_ROOT =
            "Бел Чер Мор Вол Сок Гор Лис Кур Руд Зал Тар Мед Сух Кам Ков Лоб Мух Нос Пес Рыб Сом Тих Хом Шуб Щег Ябл Дуб Жук Зуб Кос"
                    .split(" ");
    private static final String[] RU_MID = "ан ен ор ин ал ыш ач  ".split(" ");
    private static final String[] RU_TAIL = "ов ев ин ский енко цев".split(" ");
    private static final String[] RU_INDUSTRY =
            "Металл Трейд Ресурс Технологии Групп Импорт Сплав Магнит Химпром Логистик".split(" ");
    private static final String[] RU_COUNTRIES = "RU RU RU BY KZ".split(" ");

    private static final String[][] AR_GIVEN = {
        {"محمد", "Mohammed"}, {"أحمد", "Ahmed"}, {"علي", "Ali"}, {"حسن", "Hassan"}, {"حسين", "Hussein"},
        {"عمر", "Omar"}, {"خالد", "Khaled"}, {"يوسف", "Youssef"}, {"ابراهيم", "Ibrahim"}, {"سعيد", "Saeed"},
        {"عادل", "Adel"}, {"طارق", "Tariq"}, {"ماجد", "Majid"}, {"فيصل", "Faisal"}, {"سلمان", "Salman"},
        {"ناصر", "Nasser"}, {"كريم", "Karim"}, {"جمال", "Jamal"}, {"رامي", "Rami"}, {"سامي", "Sami"},
        {"وليد", "Walid"}, {"زياد", "Ziad"}, {"هشام", "Hisham"}, {"باسم", "Bassem"}, {"منصور", "Mansour"}
    };
    private static final String[][] AR_FAMILY = {
        {"الرشيد", "al-Rashid"}, {"الحسيني", "al-Husseini"}, {"العلي", "al-Ali"}, {"الخطيب", "al-Khatib"},
        {"النجار", "al-Najjar"}, {"الحداد", "al-Haddad"}, {"الشامي", "al-Shami"}, {"المصري", "al-Masri"},
        {"التميمي", "al-Tamimi"}, {"العبيدي", "al-Obaidi"}, {"الزعبي", "al-Zoubi"}, {"القاسم", "al-Qasim"},
        {"الكبيسي", "al-Kubaisi"}, {"الدوري", "al-Douri"}, {"السامرائي", "al-Samarrai"}, {"الجبوري", "al-Jubouri"},
        {"البغدادي", "al-Baghdadi"}, {"الحلبي", "al-Halabi"}, {"الدمشقي", "al-Dimashqi"}, {"العمري", "al-Omari"},
        {"الشمري", "al-Shammari"}, {"العنزي", "al-Anzi"}, {"المطيري", "al-Mutairi"}, {"الغامدي", "al-Ghamdi"},
        {"الزهراني", "al-Zahrani"}, {"القحطاني", "al-Qahtani"}, {"الدوسري", "al-Dosari"}, {"الحربي", "al-Harbi"},
        {"السبيعي", "al-Subaie"}, {"الكعبي", "al-Kaabi"}
    };
    private static final String[] AR_COUNTRIES = "SY IQ IR AE SA LB YE JO".split(" ");

    private SyntheticLists() {}

    /** {@code count} entities, deterministic for the seed. */
    public static List<Entity> entities(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Entity> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "E" + i;
            double k = r.nextDouble();
            out.add(
                    k < 0.33
                            ? latinPerson(r, id)
                            : k < 0.58
                                    ? latinCompany(r, id)
                                    : k < 0.73
                                            ? chineseCompany(r, id)
                                            : k < 0.83
                                                    ? chinesePerson(r, id)
                                                    : k < 0.89
                                                            ? cyrillicPerson(r, id)
                                                            : k < 0.96 ? cyrillicCompany(r, id) : arabicPerson(r, id));
        }
        return out;
    }

    private static Entity latinPerson(SplittableRandom r, String id) {
        String given = pick(r, GIVEN);
        String family = familyName(r);
        List<String> parts = new ArrayList<>();
        parts.add(given);
        if (r.nextDouble() < 0.35) {
            parts.add(pick(r, GIVEN));
        }
        parts.add(family);
        List<String> names = new ArrayList<>();
        names.add(String.join(" ", parts));
        double a = r.nextDouble();
        if (a < 0.25) {
            names.add(family.toUpperCase(Locale.ROOT) + ", " + given);
        }
        if (a < 0.1) {
            names.add(given.charAt(0) + ". " + family);
        }
        List<EntryIdentifier> ids =
                r.nextDouble() < 0.1 ? List.of(new EntryIdentifier("passport", digits(r, 9))) : List.of();
        return new Entity(
                entry(id, "Person", names, Set.of(pick(r, LATIN_COUNTRIES)), ids),
                Kind.LATIN_PERSON,
                parts,
                null,
                null,
                null,
                null);
    }

    static String familyName(SplittableRandom r) {
        String f = pick(r, FAMILY_HEAD)
                + (r.nextDouble() < 0.6 ? pick(r, FAMILY_MID) : "")
                + (r.nextDouble() < 0.5 ? pick(r, FAMILY_HEAD).toLowerCase(Locale.ROOT) : "")
                + pick(r, FAMILY_TAIL);
        return f;
    }

    private static String brand(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int n = 2 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            b.append(pick(r, BRAND));
        }
        return capitalise(b.toString());
    }

    private static Entity latinCompany(SplittableRandom r, String id) {
        List<String> parts = new ArrayList<>();
        parts.add(brand(r));
        if (r.nextDouble() < 0.2) {
            parts.add(brand(r));
        }
        int industries = r.nextInt(3);
        for (int i = 0; i < industries; i++) {
            String w = pick(r, INDUSTRY);
            if (!parts.contains(w)) {
                parts.add(w);
            }
        }
        if (r.nextDouble() < 0.06) {
            parts.add(r.nextBoolean() ? "No. " + (1 + r.nextInt(40)) : String.valueOf(1 + r.nextInt(99)));
        }
        String legal = pick(r, LEGAL);
        List<String> names = new ArrayList<>();
        names.add(String.join(" ", parts) + " " + legal);
        if (r.nextDouble() < 0.3) {
            names.add(brand(r) + " " + pick(r, INDUSTRY) + " " + pick(r, LEGAL));
        }
        if (r.nextDouble() < 0.15) {
            names.add(parts.getFirst().toUpperCase(Locale.ROOT));
        }
        List<EntryIdentifier> ids = r.nextDouble() < 0.25
                ? List.of(new EntryIdentifier("registrationNumber", "HRB " + digits(r, 6)))
                : List.of();
        return new Entity(
                entry(id, "Company", names, Set.of(pick(r, LATIN_COUNTRIES)), ids),
                Kind.LATIN_COMPANY,
                parts,
                legal,
                null,
                null,
                null);
    }

    private static Entity chineseCompany(SplittableRandom r, String id) {
        String[] region = REGIONS[r.nextInt(REGIONS.length)];
        String brandHan = "" + pickChar(r, BRAND_HAN) + pickChar(r, BRAND_HAN);
        int industries = 1 + r.nextInt(3);
        StringBuilder han = new StringBuilder(region[0]).append(brandHan);
        List<String> english = new ArrayList<>(List.of(region[1], capitalise(pinyin(brandHan))));
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < industries; i++) {
            int w = r.nextInt(CN_INDUSTRY.length);
            if (used.add(w)) {
                han.append(CN_INDUSTRY[w][0]);
                english.add(CN_INDUSTRY[w][1]);
            }
        }
        boolean shares = r.nextDouble() < 0.3;
        han.append(shares ? "股份有限公司" : "有限公司");
        String legal = "Co., Ltd.";
        String en = String.join(" ", english) + " " + legal;
        double listing = r.nextDouble();
        List<String> names =
                listing < 0.4 ? List.of(han.toString(), en) : listing < 0.7 ? List.of(han.toString()) : List.of(en);
        List<EntryIdentifier> ids = r.nextDouble() < 0.3
                ? List.of(
                        new EntryIdentifier("unifiedSocialCreditCode", "91" + digits(r, 6) + "MA" + digits(r, 8) + "X"))
                : List.of();
        return new Entity(
                entry(id, "Company", names, Set.of("CN"), ids),
                Kind.CHINESE_COMPANY,
                english,
                legal,
                han.toString(),
                en,
                brandHan);
    }

    private static Entity chinesePerson(SplittableRandom r, String id) {
        String[] surname = SURNAMES[r.nextInt(SURNAMES.length)];
        String given = r.nextDouble() < 0.05
                ? "" + pickChar(r, GIVEN_HAN)
                : "" + pickChar(r, GIVEN_HAN) + pickChar(r, GIVEN_HAN);
        String han = surname[0] + given;
        String latin = surname[1] + " " + capitalise(pinyin(given));
        double listing = r.nextDouble();
        List<String> names = listing < 0.4 ? List.of(han, latin) : listing < 0.7 ? List.of(han) : List.of(latin);
        return new Entity(
                entry(id, "Person", names, Set.of(r.nextDouble() < 0.85 ? "CN" : "HK"), List.of()),
                Kind.CHINESE_PERSON,
                List.of(surname[1], capitalise(pinyin(given))),
                null,
                han,
                latin,
                given);
    }

    private static Entity cyrillicPerson(SplittableRandom r, String id) {
        String family =
                pick(r, RU_ROOT) + pick(r, RU_MID) + pick(r, RU_ROOT).toLowerCase(Locale.ROOT) + pick(r, RU_TAIL);
        String cyr = family + " " + pick(r, RU_GIVEN) + " " + pick(r, RU_PATRONYMIC);
        String latin = russianLatin(cyr);
        List<String> names = r.nextDouble() < 0.5 ? List.of(cyr, latin) : List.of(cyr);
        return new Entity(
                entry(id, "Person", names, Set.of(pick(r, RU_COUNTRIES)), List.of()),
                Kind.CYRILLIC_PERSON,
                List.of(latin.split(" ")),
                null,
                null,
                latin,
                cyr);
    }

    private static Entity cyrillicCompany(SplittableRandom r, String id) {
        String brand = pick(r, RU_ROOT) + pick(r, RU_MID) + pick(r, RU_ROOT).toLowerCase(Locale.ROOT);
        String industry = r.nextBoolean() ? pick(r, RU_INDUSTRY) : "";
        boolean ooo = r.nextBoolean();
        String body = "«" + brand + (industry.isEmpty() ? "" : "-" + industry) + "»";
        String cyr = (ooo ? "ООО " : "АО ") + body;
        String latinBody = russianLatin(brand + (industry.isEmpty() ? "" : " " + industry));
        String latin = (ooo ? "LLC " : "JSC ") + latinBody;
        List<String> names = r.nextDouble() < 0.5 ? List.of(cyr, latin) : List.of(cyr);
        List<EntryIdentifier> ids =
                r.nextDouble() < 0.3 ? List.of(new EntryIdentifier("ogrn", "1" + digits(r, 12))) : List.of();
        return new Entity(
                entry(id, "Company", names, Set.of(pick(r, RU_COUNTRIES)), ids),
                Kind.CYRILLIC_COMPANY,
                List.of(latinBody.split(" ")),
                ooo ? "LLC" : "JSC",
                null,
                latin,
                cyr);
    }

    private static Entity arabicPerson(SplittableRandom r, String id) {
        String[] given = AR_GIVEN[r.nextInt(AR_GIVEN.length)];
        String[] father = AR_GIVEN[r.nextInt(AR_GIVEN.length)];
        String[] family = AR_FAMILY[r.nextInt(AR_FAMILY.length)];
        String ar = given[0] + " " + father[0] + " " + family[0];
        String latin = given[1] + " " + father[1] + " " + family[1];
        List<String> names = r.nextDouble() < 0.7 ? List.of(ar, latin) : List.of(ar);
        return new Entity(
                entry(id, "Person", names, Set.of(pick(r, AR_COUNTRIES)), List.of()),
                Kind.ARABIC_PERSON,
                List.of(latin.split(" ")),
                null,
                null,
                latin,
                ar);
    }

    /** {@code count} labelled queries over the entities, about 70 % true variants and 30 % hard negatives. */
    public static List<LabelledQuery> queries(List<Entity> entities, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Set<String> listed = new HashSet<>();
        for (Entity e : entities) {
            for (String n : e.entry().names()) {
                listed.add(n.toLowerCase(Locale.ROOT));
            }
        }
        Neighbours neighbours = new Neighbours(entities);
        Map<String, String> bodies = new java.util.HashMap<>();
        // The names with one word left out: a query that drops a word from one entry's name may be exactly what is
        // left of another's (Jamal al-Khatib from Jamal Khaled al-Khatib and from Ibrahim Jamal al-Khatib).
        Map<String, String> dropped = new java.util.HashMap<>();
        for (Entity e : entities) {
            String id = e.entry().entryId();
            for (String n : e.entry().names()) {
                String body = body(n);
                bodies.merge(body, id, (a, b) -> a.equals(b) ? a : "*");
                String[] words = body.split(" ");
                if (words.length >= 3 && words.length <= 5) {
                    for (int i = 0; i < words.length; i++) {
                        List<String> rest = new ArrayList<>(List.of(words));
                        rest.remove(i);
                        dropped.merge(String.join(" ", rest), id, (a, b) -> a.equals(b) ? a : "*");
                    }
                }
            }
        }
        List<LabelledQuery> out = new ArrayList<>(count);
        int attempts = 0;
        while (out.size() < count && attempts++ < count * 50) {
            Entity e = entities.get(r.nextInt(entities.size()));
            LabelledQuery q = r.nextDouble() < 0.7 ? variant(r, e) : negative(r, e, listed, neighbours);
            if (q != null && q.expectedEntryId() != null) {
                // A variant that reads the same as another entry's name (dropping a legal form or a middle name can
                // make one) cannot be labelled with one expected entry.
                String body = body(q.query().name());
                String owner = bodies.get(body);
                if (owner != null && !owner.equals(q.expectedEntryId())) {
                    q = null;
                } else if (q.variant().equals("typo")
                        && e.kind() == Kind.LATIN_COMPANY
                        && !q.query().name().split(" ")[0].equals(e.latinParts().getFirst())
                        && neighbours.brandOfOther(
                                q.query().name().split(" ")[0], e.entry().entryId())) {
                    // Volvl is one edit from Volvol and from Volul: no more the one's than the other's.
                    q = null;
                } else if (q.variant().equals("droppedToken")) {
                    String left = dropped.get(body);
                    if ((left != null && !left.equals(q.expectedEntryId()))
                            || (e.kind() == Kind.LATIN_PERSON
                                    && droppedNearOther(q.query().name(), e, neighbours))) {
                        q = null;
                    }
                }
            }
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }

    /**
     * Whether a Latin person's name without its middle name is one edit from another person with the same given name
     * (Sunil Morwood from Sunil Sven Morwood, next to Sunil Gorwood): then it is no more that entry's than the other's.
     */
    private static boolean droppedNearOther(String name, Entity e, Neighbours neighbours) {
        String[] words = name.split(" ");
        return neighbours.personOwner(
                words[0], words[words.length - 1], e.entry().entryId());
    }

    private static @Nullable LabelledQuery variant(SplittableRandom r, Entity e) {
        ListedEntry entry = e.entry();
        String id = entry.entryId();
        String schema = entry.schema();
        String country = r.nextBoolean() ? entry.countries().iterator().next() : null;
        List<String> variants = switch (e.kind()) {
            case LATIN_PERSON -> List.of("exact", "typo", "droppedToken", "reordered", "missingSpace");
            case LATIN_COMPANY -> List.of("typo", "droppedToken", "legalForm", "missingSpace", "reordered");
            case CHINESE_COMPANY -> List.of("translation", "typo", "legalForm", "missingSpace");
            case CHINESE_PERSON -> List.of("script", "wadeGiles", "reordered", "missingSpace");
            case CYRILLIC_PERSON -> List.of("transliterated", "typo", "reordered", "droppedToken");
            case CYRILLIC_COMPANY -> List.of("transliterated", "legalForm");
            // Arabic script carries no vowels: a Latin query for an entry listed only in Arabic is out of scope.
            case ARABIC_PERSON ->
                entry.names().size() > 1 ? List.of("exact", "typo", "droppedToken") : List.of("exact", "droppedToken");
        };
        String v = variants.get(r.nextInt(variants.size()));
        String latinName = e.kind() == Kind.ARABIC_PERSON
                ? entry.names().getLast()
                : e.latin() != null ? e.latin() : entry.caption();
        String name = switch (v) {
            case "exact" -> entry.names().get(r.nextInt(entry.names().size()));
            case "typo" -> typo(r, latinName);
            case "droppedToken" -> dropMiddle(latinName, e);
            case "reordered" -> reorder(latinName, e);
            case "missingSpace" -> missingSpace(r, latinName, e);
            case "legalForm" -> legalForm(r, latinName, e);
            case "translation" ->
                // The Chinese legal name against the English translation, whichever the list does not hold.
                entry.names().contains(e.hanzi()) ? e.latin() : e.hanzi();
            case "script" -> entry.names().contains(e.hanzi()) ? e.latin() : e.hanzi();
            case "wadeGiles" -> wadeGiles(e);
            case "transliterated" -> e.latin();
            default -> null;
        };
        if (name == null || name.isBlank()) {
            return null;
        }
        return new LabelledQuery(new NameQuery(name, country, List.of(), r.nextBoolean() ? schema : null), id, v);
    }

    private static @Nullable LabelledQuery negative(
            SplittableRandom r, Entity e, Set<String> listed, Neighbours neighbours) {
        String name = switch (e.kind()) {
            case LATIN_PERSON -> {
                List<String> p = new ArrayList<>(e.latinParts());
                String given = pick(r, GIVEN);
                String family = p.getLast();
                yield neighbours.nearPerson(given, family) ? null : given + " " + family;
            }
            case LATIN_COMPANY -> {
                List<String> p = new ArrayList<>(e.latinParts());
                if (p.size() < 2 && r.nextBoolean()) {
                    yield null;
                }
                String last = p.getLast();
                if (Character.isDigit(last.charAt(last.length() - 1))) {
                    p.set(p.size() - 1, last.replaceAll("\\d+", String.valueOf(100 + r.nextInt(900))));
                    yield String.join(" ", p) + " " + e.legalForm();
                }
                p.set(0, brand(r));
                yield neighbours.nearBrand(p.getFirst()) ? null : String.join(" ", p) + " " + e.legalForm();
            }
            case CHINESE_COMPANY, CHINESE_PERSON -> {
                String han = e.hanzi();
                String changeable = e.other();
                if (han == null || changeable == null) {
                    yield null;
                }
                // Change one character of the brand or given name to one with a different reading.
                int from = han.indexOf(changeable, 1);
                int at = from + r.nextInt(changeable.length());
                String pool = e.kind() == Kind.CHINESE_PERSON ? GIVEN_HAN : BRAND_HAN;
                char old = han.charAt(at);
                for (int tries = 0; tries < 20; tries++) {
                    char c = pickChar(r, pool);
                    if (!pinyin("" + c).equals(pinyin("" + old))) {
                        String changed = han.substring(0, at) + c + han.substring(at + 1);
                        String changedPart = changed.substring(from, from + changeable.length());
                        String key = e.kind() == Kind.CHINESE_PERSON
                                ? "Z" + e.latinParts().getFirst()
                                : "H" + rest(e.latinParts(), 1);
                        if (neighbours.near(key, pinyin(changedPart), 1)) {
                            yield null;
                        }
                        boolean inEnglish = e.kind() == Kind.CHINESE_COMPANY && e.latin() != null && r.nextBoolean();
                        // A company of the same region with this trade name (in English, or one letter from it): the
                        // negative would read as that company's name with other trades. In Hanzi only a homophone is
                        // that close; other characters are another name.
                        if (e.kind() == Kind.CHINESE_COMPANY
                                && neighbours.near(
                                        "CR" + e.latinParts().getFirst(), pinyin(changedPart), inEnglish ? 1 : 0)) {
                            yield null;
                        }
                        yield inEnglish
                                ? e.latin().replace(capitalise(pinyin(changeable)), capitalise(pinyin(changedPart)))
                                : changed;
                    }
                }
                yield null;
            }
            case CYRILLIC_PERSON -> {
                String cyr = e.other();
                String given = pick(r, RU_GIVEN);
                List<String> p = e.latinParts();
                // Nor another person with this given name and patronymic and a family name one edit away.
                yield cyr == null
                                || neighbours.near("R" + p.get(0) + " " + p.get(2), russianLatin(given), 1)
                                || neighbours.nearPerson(russianLatin(given) + " " + p.get(2), cyrillicFamily(e))
                        ? null
                        : cyr.replaceFirst(" \\S+ ", " " + given + " ");
            }
            default -> null;
        };
        if (name == null || listed.contains(name.toLowerCase(Locale.ROOT))) {
            return null;
        }
        String variant = switch (e.kind()) {
            case LATIN_PERSON, CYRILLIC_PERSON -> "negativeGivenName";
            case LATIN_COMPANY -> name.matches(".*\\d.*") ? "negativeNumber" : "negativeDistinctiveWord";
            default -> "negativeOneCharacter";
        };
        return new LabelledQuery(new NameQuery(name, null, List.of(), e.entry().schema()), null, variant);
    }

    /**
     * What hard negatives change, grouped by what they keep, so that a negative which is in fact a near-duplicate of
     * another entry (the same family name with a given name one edit away, say) is not labelled as a non-match.
     */
    private static final class Neighbours {
        final Map<String, List<String>> groups = new java.util.HashMap<>();
        final Set<String> brandDeletions = new HashSet<>();
        /** A company name's first word and its deletions, to the entry (or {@code *} for several). */
        final Map<String, String> brandOwners = new java.util.HashMap<>();
        /** Given name and family name or one of its deletions, to the entry (or {@code *} for several). */
        final Map<String, String> personKeys = new java.util.HashMap<>();

        Neighbours(List<Entity> entities) {
            for (Entity e : entities) {
                List<String> p = e.latinParts();
                switch (e.kind()) {
                    case LATIN_PERSON -> {
                        for (int i = 0; i < p.size() - 1; i++) {
                            addPerson(p.get(i), p.getLast(), e.entry().entryId());
                        }
                    }
                    case LATIN_COMPANY -> {
                        for (String name : e.entry().names()) {
                            String brand = name.split(" ")[0];
                            brandDeletions.add(brand.toLowerCase(Locale.ROOT));
                            deletions(brand, brandDeletions);
                            Set<String> keys = new HashSet<>();
                            keys.add(brand.toLowerCase(Locale.ROOT));
                            deletions(brand, keys);
                            String id = e.entry().entryId();
                            keys.forEach(k -> brandOwners.merge(k, id, (a, b) -> a.equals(b) ? a : "*"));
                        }
                    }
                    case CHINESE_COMPANY -> {
                        add("H" + rest(p, 1), p.get(1));
                        // The trade name within its region identifies a company.
                        add("CR" + p.get(0), p.get(1));
                    }
                    case CHINESE_PERSON -> add("Z" + p.getFirst(), p.get(1));
                    case CYRILLIC_PERSON -> {
                        add("R" + p.get(0) + " " + p.get(2), p.get(1));
                        // In Cyrillic letters: Шубачкамцев and Дубачкамцев are one letter apart, Sh and D two.
                        addPerson(
                                p.get(1) + " " + p.get(2),
                                cyrillicFamily(e),
                                e.entry().entryId());
                    }
                    default -> {}
                }
            }
        }

        /** Registers a given name with a family name: under the family, and under the given name with the family's deletions. */
        private void addPerson(String given, String family, String id) {
            add("P" + family, given);
            String g = given.toLowerCase(Locale.ROOT) + "|";
            Set<String> keys = new HashSet<>();
            keys.add(family.toLowerCase(Locale.ROOT));
            deletions(family, keys);
            keys.forEach(k -> personKeys.merge(g + k, id, (a, b) -> a.equals(b) ? a : "*"));
        }

        /** Another person than {@code self} has this given name and a family name within one edit of this one. */
        boolean personOwner(String given, String family, String self) {
            String g = given.toLowerCase(Locale.ROOT) + "|";
            Set<String> keys = new HashSet<>();
            keys.add(family.toLowerCase(Locale.ROOT));
            deletions(family, keys);
            return keys.stream().map(k -> personKeys.get(g + k)).anyMatch(o -> o != null && !o.equals(self));
        }

        /** Another person has this family name and a given name within two edits, or this given name and a family within one. */
        boolean nearPerson(String given, String family) {
            if (near("P" + family, given, 2)) {
                return true;
            }
            String g = given.toLowerCase(Locale.ROOT) + "|";
            Set<String> keys = new HashSet<>();
            keys.add(family.toLowerCase(Locale.ROOT));
            deletions(family, keys);
            return keys.stream().anyMatch(k -> personKeys.containsKey(g + k));
        }

        private void add(String key, String value) {
            groups.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>(2))
                    .add(value.toLowerCase(Locale.ROOT));
        }

        boolean near(String key, String value, int maxEdits) {
            String v = value.toLowerCase(Locale.ROOT);
            for (String x : groups.getOrDefault(key.toLowerCase(Locale.ROOT), List.of())) {
                if (distance(x, v) <= maxEdits) {
                    return true;
                }
            }
            return false;
        }

        /** Another company than {@code self} has a first word at most one edit from this word. */
        boolean brandOfOther(String word, String self) {
            Set<String> keys = new HashSet<>();
            keys.add(word.toLowerCase(Locale.ROOT));
            deletions(word, keys);
            return keys.stream().map(brandOwners::get).anyMatch(o -> o != null && !o.equals(self));
        }

        /** Whether a listed company name starts with a word at most one edit from this brand. */
        boolean nearBrand(String brand) {
            String b = brand.toLowerCase(Locale.ROOT);
            if (brandDeletions.contains(b)) {
                return true;
            }
            Set<String> own = new HashSet<>();
            deletions(b, own);
            return own.stream().anyMatch(brandDeletions::contains);
        }

        private static void deletions(String s, Set<String> out) {
            String l = s.toLowerCase(Locale.ROOT);
            for (int i = 0; i < l.length(); i++) {
                out.add(l.substring(0, i) + l.substring(i + 1));
            }
        }
    }

    private static final Set<String> LEGAL_WORDS = Set.of(
            "ltd", "llc", "gmbh", "s", "a", "sa", "inc", "limited", "corp", "ag", "b", "v", "bv", "r", "l", "srl",
            "pte", "jsc", "plc", "sas", "co", "company", "ooo", "ao");

    /** A name without case, punctuation, token order or legal form, to tell which variants are ambiguous. */
    static String body(String name) {
        return java.util.Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(t -> !t.isEmpty() && !LEGAL_WORDS.contains(t))
                .sorted()
                .collect(Collectors.joining(" "));
    }

    private static String cyrillicFamily(Entity e) {
        String cyr = e.other();
        return cyr == null ? e.latinParts().getFirst() : cyr.substring(0, cyr.indexOf(' '));
    }

    private static String rest(List<String> parts, int without) {
        List<String> p = new ArrayList<>(parts);
        p.remove(without);
        return String.join(" ", p);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static @Nullable String typo(SplittableRandom r, String name) {
        String[] tokens = name.split(" ");
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].length() >= 5 && tokens[i].chars().allMatch(Character::isLetter)) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int i = candidates.get(r.nextInt(candidates.size()));
        String t = tokens[i];
        int at = 1 + r.nextInt(t.length() - 1);
        char c = (char) ('a' + r.nextInt(26));
        tokens[i] = switch (r.nextInt(4)) {
            case 0 -> t.substring(0, at) + c + t.substring(at + 1);
            case 1 -> t.substring(0, at) + c + t.substring(at);
            case 2 -> t.substring(0, at) + t.substring(at + 1);
            default ->
                at < t.length() - 1
                        ? t.substring(0, at) + t.charAt(at + 1) + t.charAt(at) + t.substring(at + 2)
                        : t.substring(0, at);
        };
        return String.join(" ", tokens);
    }

    private static @Nullable String dropMiddle(String name, Entity e) {
        String[] tokens = stripLegal(name, e).split(" ");
        if (tokens.length < 3) {
            return null;
        }
        List<String> out = new ArrayList<>(List.of(tokens));
        out.remove(tokens.length / 2);
        return String.join(" ", out) + legalSuffix(name, e);
    }

    private static @Nullable String reorder(String name, Entity e) {
        List<String> tokens = new ArrayList<>(List.of(stripLegal(name, e).split(" ")));
        if (tokens.size() < 2) {
            return null;
        }
        String first = tokens.removeFirst();
        tokens.add(first);
        return String.join(" ", tokens) + legalSuffix(name, e);
    }

    private static @Nullable String missingSpace(SplittableRandom r, String name, Entity e) {
        String[] tokens = stripLegal(name, e).split(" ");
        if (tokens.length < 2) {
            return null;
        }
        int at = r.nextInt(tokens.length - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            b.append(tokens[i]);
            if (i != at && i < tokens.length - 1) {
                b.append(' ');
            }
        }
        return b + legalSuffix(name, e);
    }

    private static @Nullable String legalForm(SplittableRandom r, String name, Entity e) {
        if (e.legalForm() == null) {
            return null;
        }
        String body = stripLegal(name, e);
        return switch (r.nextInt(3)) {
            case 0 -> body;
            case 1 -> body + " " + pick(r, LEGAL);
            default -> body + (e.kind() == Kind.CHINESE_COMPANY ? " Company Limited" : " Limited");
        };
    }

    private static @Nullable String wadeGiles(Entity e) {
        if (e.latin() == null) {
            return null;
        }
        String surname = e.latinParts().getFirst().toLowerCase(Locale.ROOT);
        String given = e.other() == null ? "" : e.other();
        List<String> syllables = new ArrayList<>();
        for (char c : given.toCharArray()) {
            syllables.add(pinyin("" + c));
        }
        String wg = capitalise(WADE_GILES.getOrDefault(surname, surname)) + " "
                + capitalise(syllables.stream()
                        .map(s -> WADE_GILES.getOrDefault(s, s))
                        .collect(Collectors.joining("-")));
        return wg.equalsIgnoreCase(e.latin()) ? null : wg;
    }

    private static String stripLegal(String name, Entity e) {
        if (e.legalForm() != null && name.endsWith(" " + e.legalForm())) {
            return name.substring(0, name.length() - e.legalForm().length() - 1);
        }
        if (e.legalForm() != null && name.startsWith(e.legalForm() + " ")) {
            return name.substring(e.legalForm().length() + 1);
        }
        return name;
    }

    private static String legalSuffix(String name, Entity e) {
        return stripLegal(name, e).length() == name.length() ? "" : " " + e.legalForm();
    }

    private static ListedEntry entry(
            String id, String schema, List<String> names, Set<String> countries, List<EntryIdentifier> ids) {
        return new ListedEntry("synthetic", id, schema, names, countries, ids);
    }

    /** Toneless pinyin, joined; one character at a time through a cache, since ICU transliteration is slow. */
    static String pinyin(String han) {
        StringBuilder b = new StringBuilder();
        han.codePoints()
                .forEach(c -> b.append(PINYIN.computeIfAbsent(c, k -> {
                    synchronized (HAN_LATIN) {
                        return HAN_LATIN
                                .transliterate(Character.toString(k))
                                .replace(" ", "")
                                .replace("'", "")
                                .toLowerCase(Locale.ROOT);
                    }
                })));
        return b.toString();
    }

    /** BGN romanisation, a word at a time through a cache (the names are built from a few hundred words). */
    static String russianLatin(String cyrillic) {
        StringBuilder b = new StringBuilder();
        for (String word : cyrillic.split(" ")) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(ROMANISED.computeIfAbsent(word, w -> {
                synchronized (RU_LATIN) {
                    return RU_LATIN.transliterate(w);
                }
            }));
        }
        return b.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static char pickChar(SplittableRandom r, String chars) {
        return chars.charAt(r.nextInt(chars.length()));
    }

    private static String digits(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String dedupe(String chars) {
        LinkedHashSet<Integer> seen = new LinkedHashSet<>();
        chars.codePoints().forEach(seen::add);
        StringBuilder b = new StringBuilder();
        seen.forEach(b::appendCodePoint);
        return b.toString();
    }
}
