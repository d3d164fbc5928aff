package source

import (
	"strings"
	"unicode"
)

// Normalize returns the key under which a [Registry] files a name or alias:
// lower case, diacritics folded to their base letters ("Pyongyang" and
// "P'yŏngyang" meet as "pyongyang", "Hà Nội" and "Ha Noi" as "ha noi"),
// punctuation dropped, runs of space folded to one, and any leading "the"
// removed. A diacritic written as a combining mark is dropped wherever it
// is; the precomposed letters folded are those of Latin-1 Supplement and
// Latin Extended-A, long s ("ſ") included, and the Vietnamese and Romanian
// letters of Latin Extended-B and Latin Extended Additional ("ơ", "ư", "ș",
// "ț", "ễ"). Two names resolve to the same source exactly when their keys
// are equal. Normalize is idempotent: a key is its own key. It takes time
// and memory linear in the length of name.
func Normalize(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for _, r := range name {
		// Lower case first: some letters outside the fold table lower to
		// letters inside it ("Å" ANGSTROM SIGN to "å", "ẞ" to "ß"), and
		// folding only the original would leave those for a second pass.
		r = unicode.ToLower(r)
		if base, ok := foldTable[r]; ok {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(base)
			continue
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '_' || r == '/':
			space = true
		case unicode.Is(unicode.Mn, r):
			// A combining mark (decomposed diacritic) is dropped with no space.
		default:
			// Other punctuation (apostrophes, dots in "U.S.") joins the letters
			// around it: "People's" -> "peoples", "U.S." -> "us".
		}
	}
	key := b.String()
	// Every leading "the" goes, not just the first: removing one from "the
	// the x" would give "the x", whose own key is "x".
	for {
		rest, ok := strings.CutPrefix(key, "the ")
		if !ok || rest == "" {
			return key
		}
		key = rest
	}
}

// foldTable maps precomposed Latin letters with diacritics to their lower
// case base letters. It covers Latin-1 Supplement and Latin Extended-A,
// which hold the letters of the romanised names news text uses, and the
// letters Vietnamese and Romanian add to them.
var foldTable = func() map[rune]string {
	groups := []struct{ base, letters string }{
		{"a", "àáâãäåāăąÀÁÂÃÄÅĀĂĄ"},
		{"ae", "æÆ"},
		{"c", "çćĉċčÇĆĈĊČ"},
		{"d", "ďđðĎĐÐ"},
		{"e", "èéêëēĕėęěÈÉÊËĒĔĖĘĚ"},
		{"g", "ĝğġģĜĞĠĢ"},
		{"h", "ĥħĤĦ"},
		{"i", "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ"},
		{"j", "ĵĴ"},
		{"k", "ķĶ"},
		{"l", "ĺļľŀłĹĻĽĿŁ"},
		{"n", "ñńņňŉÑŃŅŇ"},
		{"o", "òóôõöøōŏőÒÓÔÕÖØŌŎŐ"},
		{"oe", "œŒ"},
		{"r", "ŕŗřŔŖŘ"},
		{"s", "śŝşšŚŜŞŠſ"},
		{"ss", "ß"},
		{"t", "ţťŧŢŤŦ"},
		{"th", "þÞ"},
		{"u", "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ"},
		{"w", "ŵŴ"},
		{"y", "ýÿŷÝŸŶ"},
		{"z", "źżžŹŻŽ"},

		// Latin Extended-B: the Vietnamese letters with a horn and the
		// Romanian ones with a comma below, which many texts still write
		// with the cedilla of "ş" and "ţ" above.
		{"o", "ơƠ"},
		{"u", "ưƯ"},
		{"s", "șȘ"},
		{"t", "țȚ"},
	}
	// Latin Extended Additional from U+1EA0 to U+1EF9 is the Vietnamese
	// vowels with their tone marks, capital and small in turn, one base
	// letter after another.
	vietnamese := []struct {
		base        string
		first, last rune
	}{
		{"a", '\u1EA0', '\u1EB7'}, // Ạ ... ặ
		{"e", '\u1EB8', '\u1EC7'}, // Ẹ ... ệ
		{"i", '\u1EC8', '\u1ECB'}, // Ỉ ... ị
		{"o", '\u1ECC', '\u1EE3'}, // Ọ ... ợ
		{"u", '\u1EE4', '\u1EF1'}, // Ụ ... ự
		{"y", '\u1EF2', '\u1EF9'}, // Ỳ ... ỹ
	}
	m := make(map[rune]string)
	for _, g := range groups {
		for _, r := range g.letters {
			m[r] = g.base
		}
	}
	for _, g := range vietnamese {
		for r := g.first; r <= g.last; r++ {
			m[r] = g.base
		}
	}
	return m
}()
