package source_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/source"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{name: "empty", in: "", want: ""},
		{name: "lower", in: "north korea", want: "north korea"},
		{name: "case", in: "North KOREA", want: "north korea"},
		{name: "diacritic", in: "P'yŏngyang", want: "pyongyang"},
		{name: "combining-mark", in: "Pyo\u0306ngyang", want: "pyongyang"},
		{name: "latin-1", in: "Ñuñoa São Tomé Zürich", want: "nunoa sao tome zurich"},
		{name: "ligature", in: "Æsir Œuvre", want: "aesir oeuvre"},
		{name: "sharp-s", in: "Straße", want: "strasse"},
		{name: "capital-sharp-s", in: "STRAẞE", want: "strasse"},
		{name: "angstrom-sign", in: "\u212Bland", want: "aland"},
		{name: "dotted-capital-i", in: "İstanbul", want: "istanbul"},
		{name: "vietnamese", in: "Hà Nội", want: "ha noi"},
		{name: "vietnamese-decomposed", in: "Ha\u0300 No\u0323\u0302i", want: "ha noi"},
		{name: "vietnamese-horn", in: "Ơn Ưu", want: "on uu"},
		{name: "vietnamese-horn-decomposed", in: "O\u031Bn U\u031Bu", want: "on uu"},
		{name: "vietnamese-capitals", in: "NGUYỄN PHÚ TRỌNG", want: "nguyen phu trong"},
		{name: "romanian-comma", in: "Ștefan Țiriac", want: "stefan tiriac"},
		{name: "romanian-cedilla", in: "Ştefan Ţiriac", want: "stefan tiriac"},
		{name: "romanian-decomposed", in: "S\u0326tefan T\u0326iriac", want: "stefan tiriac"},
		{name: "long-s", in: "Congreſs", want: "congress"},
		{name: "dots", in: "U.S.", want: "us"},
		{name: "dots-spaced", in: "U. S.", want: "u s"},
		{name: "the", in: "the United States", want: "united states"},
		{name: "The", in: "The Kremlin", want: "kremlin"},
		{name: "the-the", in: "the the Kremlin", want: "kremlin"},
		{name: "the-alone", in: "The", want: "the"},
		{name: "the-twice-alone", in: "The The", want: "the"},
		{name: "the-inside", in: "Office of the President", want: "office of the president"},
		{name: "theatre", in: "Theatre Command", want: "theatre command"},
		{name: "the-punctuated", in: "“The” DPRK", want: "dprk"},
		{name: "straight-apostrophe", in: "Democratic People's Republic of Korea", want: "democratic peoples republic of korea"},
		{name: "curly-apostrophe", in: "Democratic People’s Republic of Korea", want: "democratic peoples republic of korea"},
		{name: "hyphen", in: "Kim Jong-un", want: "kim jong un"},
		{name: "underscore-slash", in: "state_media/KCNA", want: "state media kcna"},
		{name: "spaces", in: "  United \t\n States  ", want: "united states"},
		{name: "nbsp", in: "United\u00a0States", want: "united states"},
		{name: "punctuation-only", in: "...!?", want: ""},
		{name: "digits", in: "Unit 8200", want: "unit 8200"},
		{name: "cyrillic", in: "Кремль", want: "кремль"},
		{name: "hangul", in: "조선중앙통신", want: "조선중앙통신"},
		{name: "invalid-utf8", in: "US\xffA", want: "usa"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := source.Normalize(tc.in)
			assert.Equal(t, tc.want, got, "Normalize(%q)", tc.in)
			assert.Equal(t, got, source.Normalize(got), "Normalize(Normalize(%q))", tc.in)
		})
	}
}

// TestNormalizeSameKey checks names that must meet: each group resolves to
// one source, so all its members share one key.
func TestNormalizeSameKey(t *testing.T) {
	tests := []struct {
		name  string
		names []string
	}{
		{name: "dprk", names: []string{"Democratic People's Republic of Korea", "the Democratic People’s Republic of Korea", "DEMOCRATIC PEOPLES REPUBLIC OF KOREA"}},
		{name: "pyongyang", names: []string{"Pyongyang", "P'yŏngyang", "Pyŏngyang", "Pyo\u0306ngyang", "PYONGYANG"}},
		{name: "us", names: []string{"US", "U.S.", "u.s", "the U.S."}},
		{name: "kremlin", names: []string{"Kremlin", "the Kremlin", "The  Kremlin"}},
		{name: "hanoi", names: []string{"Ha Noi", "Hà Nội", "Ha\u0300 No\u0323\u0302i", "HÀ NỘI"}},
		{name: "bucharest", names: []string{"Bucuresti", "București", "Bucureşti", "Bucures\u0326ti", "BUCUREȘTI"}},
		{name: "nguyen", names: []string{"Nguyen Phu Trong", "Nguyễn Phú Trọng", "Nguye\u0302\u0303n Phu\u0301 Tro\u0323ng"}},
		{name: "hcmc", names: []string{"Thanh pho Ho Chi Minh", "Thành phố Hồ Chí Minh", "THÀNH PHỐ HỒ CHÍ MINH"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := source.Normalize(tc.names[0])
			for _, n := range tc.names[1:] {
				assert.Equal(t, want, source.Normalize(n), "Normalize(%q)", n)
			}
		})
	}
}

// TestNormalizeVietnamese checks every letter of Latin Extended Additional
// from U+1EA0 to U+1EF9, spelt out here so as not to repeat the ranges
// Normalize folds by, capital and small.
func TestNormalizeVietnamese(t *testing.T) {
	tests := []struct {
		base    string
		letters string
	}{
		{"a", "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ"},
		{"e", "ẸẹẺẻẼẽẾếỀềỂểỄễỆệ"},
		{"i", "ỈỉỊị"},
		{"o", "ỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ"},
		{"u", "ỤụỦủỨứỪừỬửỮữỰự"},
		{"y", "ỲỳỴỵỶỷỸỹ"},
	}
	var all []rune
	for _, tc := range tests {
		t.Run(tc.base, func(t *testing.T) {
			for _, r := range tc.letters {
				assert.Equal(t, tc.base, source.Normalize(string(r)), "Normalize(%q) (U+%04X)", r, r)
			}
		})
		all = append(all, []rune(tc.letters)...)
	}
	// The lists above are the whole block, in order, with no gaps.
	require.Len(t, all, 0x1EF9-0x1EA0+1)
	for i, r := range all {
		assert.Equal(t, rune(0x1EA0+i), r, "letter %d", i)
	}
}

func BenchmarkNormalize(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		source.Normalize("the Democratic People’s Republic of Korea (P'yŏngyang)")
	}
}
