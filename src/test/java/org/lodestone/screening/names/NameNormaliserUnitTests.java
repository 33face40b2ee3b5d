package org.lodestone.screening.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameNormaliserUnitTests {

    private final IcuNameNormaliser normaliser = new IcuNameNormaliser();

    private List<String> first(String name, String schema) {
        return normaliser.normalise(name, schema).readings().getFirst().stream()
                .map(NameToken::text)
                .toList();
    }

    private List<List<String>> all(String name, String schema) {
        return normaliser.normalise(name, schema).readings().stream()
                .map(r -> r.stream().map(NameToken::text).toList())
                .toList();
    }

    @Test
    void traditionalHanziBecomePinyinSyllablesMarkedAsHan() {
        assertThat(first("習近平", "Person")).containsExactly("xi", "jin", "ping");
        assertThat(normaliser.normalise("習近平", "Person").readings().getFirst()).allMatch(NameToken::fromHan);
    }

    @Test
    void numberWordsOrdinalsAndRomanNumeralsBecomeDigits() {
        assertThat(first("First International Bank", "Company")).startsWith("1");
        assertThat(first("1st International Bank", "Company")).startsWith("1");
        assertThat(first("Brigade Forty-Four", "Organization")).containsExactly("brigade", "44");
        assertThat(first("Brigade Forty 4", "Organization")).containsExactly("brigade", "44");
        assertThat(first("Apollo Fund IX", "Company")).endsWith("9");
        // a person's "Xi" is a name, not eleven
        assertThat(first("Xi Jinping", "Person")).containsExactly("xi", "jinping");
    }

    @Test
    void dottedAcronymsAbbreviationsAndShortForms() {
        assertThat(first("U.S. Department of State", "Organization")).startsWith("us", "department");
        assertThat(first("First Bank Int’l", "Company")).contains("international");
        assertThat(normaliser.analyse("Bill Gates", "Person").getFirst().alternatives(0))
                .contains("william");
    }

    @Test
    void dottedLegalFormsAndLegalFormsGluedToAWordAreRecognised() {
        // "o.o." is joined like any dotted acronym, and the legal form is still found
        assertThat(normaliser
                        .normalise("FABERLIC EUROPE Sp. z o.o.", "Company")
                        .readings()
                        .getFirst())
                .extracting(NameToken::text, NameToken::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("faberlic", NameToken.Kind.WORD),
                        org.assertj.core.groups.Tuple.tuple("europe", NameToken.Kind.WORD),
                        org.assertj.core.groups.Tuple.tuple("sarl", NameToken.Kind.LEGAL_FORM));
        assertThat(first("Faberlic Europe Sp z o o", "Company")).containsExactly("faberlic", "europe", "sarl");
        assertThat(first("SiemensAG", "Company")).containsExactly("siemens", "ag");
        assertThat(first("Acme HoldingGmbH", "Company")).endsWith("holding", "gmbh");
        // only a legal form is set apart, and never in a person's name
        assertThat(first("PetroChina", "Company")).containsExactly("petrochina");
        assertThat(first("MacSA", "Person")).containsExactly("macsa");
        assertThat(first("Societatea cu Răspundere Limitată PRO TRAFFIC", "Company"))
                .containsExactly("sarl", "pro", "traffic");
    }

    @Test
    void cyrillicIsAlsoReadInBgnRomanisation() {
        assertThat(all("Щеголев Юрий Михайлович", "Person"))
                .contains(List.of("segolev", "urij", "mihajlovic"), List.of("shchegolev", "yuriy", "mikhaylovich"));
        assertThat(all("ООО «Щегинкос-Трейд»", "Company")).anyMatch(r -> r.contains("shcheginkos"));
        assertThat(all("Ivan Petrov", "Person")).hasSize(1);
    }

    @Test
    void hanziKeepTheirCharacterAndKhmerIsRomanised() {
        Reading r = normaliser.analyse("高市早苗", "Person").getFirst();
        assertThat(r.character(1)).isEqualTo("市".codePointAt(0));
        assertThat(first("ប៉ុល ពត", "Person")).containsExactly("bul", "pt");
        assertThat(normaliser.analyse("ប៉ុល ពត", "Person").getFirst().consonantal(0))
                .isTrue();
        assertThat(normaliser.analyse("贝拉克·奥巴马", "Person"))
                .extracting(Reading::label)
                .contains("phonetic");
    }

    @Test
    void fullWidthFormsAreFolded() {
        assertThat(first("ＡＢＣ　Ｔｒａｄｉｎｇ", "Person")).containsExactly("abc", "trading");
    }

    @Test
    void polyphonicCharactersGiveEveryReading() {
        assertThat(all("重庆", "Person")).contains(List.of("chong", "qing"), List.of("zhong", "qing"));
    }

    @Test
    void aPersonsFirstCharacterHasItsSurnameReading() {
        assertThat(first("单田芳", "Person")).startsWith("shan");
        assertThat(first("曾国藩", "Person")).startsWith("zeng");
    }

    @Test
    void wadeGilesSyllablesGainTheirPinyin() {
        Reading r = normaliser.analyse("Hsu Chang", "Person").getFirst();
        assertThat(r.alternatives(0)).contains("xu");
        assertThat(r.alternatives(1)).contains("zhang");
        // not in a name that is not Chinese
        assertThat(normaliser.analyse("Dan Brown", "Person").getFirst().alternatives(0))
                .doesNotContain("tan");
        assertThat(normaliser.analyse("Dan Brown", "Person").getFirst().alternatives(1))
                .isNull();
    }

    @Test
    void chineseLegalFormIsRecognisedAndCompanyWordsAreTranslated() {
        NormalisedName n = normaliser.normalise("江西赣锋稀土材料科技有限公司", "Company");
        assertThat(n.readings().getFirst())
                .anyMatch(t -> t.kind() == NameToken.Kind.LEGAL_FORM && t.text().equals("ltd"));
        assertThat(n.readings())
                .anyMatch(r -> r.stream()
                        .map(NameToken::text)
                        .toList()
                        .containsAll(List.of("rare", "earth", "materials", "technology", "gan", "feng")));
    }

    @Test
    void latinLegalFormsHaveOneCompareForm() {
        assertThat(first("Acme Limited", "Company")).containsExactly("acme", "ltd");
        assertThat(first("Acme Ltd.", "Company")).containsExactly("acme", "ltd");
        assertThat(first("ООО Ромашка", "Company")).containsExactly("ooo", "romaska");
        assertThat(normaliser.normalise("Acme Co., Ltd.", "Company").readings().getFirst())
                .filteredOn(t -> t.kind() == NameToken.Kind.LEGAL_FORM)
                .isNotEmpty();
    }

    @Test
    void otherScriptsBecomeAscii() {
        assertThat(first("Ротенберг", "Person")).containsExactly("rotenberg");
        assertThat(first("Αλέξανδρος Παπαδόπουλος", "Person")).containsExactly("alexandros", "papadopoulos");
        assertThat(first("محمد", "Person")).containsExactly("mhmd");
    }

    @Test
    void titlesAndParticlesAreStopWords() {
        assertThat(normaliser
                        .normalise("Dr Bashar al-Assad", "Person")
                        .readings()
                        .getFirst())
                .filteredOn(t -> t.kind() == NameToken.Kind.STOP)
                .extracting(NameToken::text)
                .containsExactly("dr", "al");
    }

    @Test
    void badInputIsHandled() {
        assertThat(normaliser.normalise("", null).isEmpty()).isTrue();
        assertThat(normaliser.normalise("  --  ", "Company").isEmpty()).isTrue();
        String odd = "A\uD800B \uDC00 \u0000 Ω 習 \uFFFF Z";
        assertThat(normaliser.normalise(odd, null).readings()).isNotEmpty();
        long start = System.nanoTime();
        NormalisedName huge = normaliser.normalise("Zhang 張 Иван ".repeat(1000), "Person");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
        assertThat(huge.readings())
                .allSatisfy(r -> assertThat(r.size()).isLessThanOrEqualTo(IcuNameNormaliser.MAX_TOKENS));
        assertThat(huge.readings().size()).isLessThanOrEqualTo(IcuNameNormaliser.MAX_READINGS);
    }
}
