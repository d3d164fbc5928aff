package main

import (
	_ "embed"
	"errors"
	"fmt"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/source"
)

// articleText is the seed article exactly as saved, page furniture included
// (see testdata/ORIGIN.md). Every span below is computed from it.
//
//go:embed testdata/ctn-news-2023-dprk-russia-arms.txt
var articleText string

const articleID source.ArticleID = "ctn-2023-08-31"

const articleTitle = "White House Warns North Korea Against Arms Sales to Russia Amid Ukraine Crisis"

// published is when the article appeared. The saved page does not say: the
// date is inferred from the events it reports (see testdata/ORIGIN.md).
var published = time.Date(2023, time.August, 31, 0, 0, 0, 0, time.UTC)

// seedCorpus encodes the seed article as a claimtrail corpus: who speaks in
// it, the propositions they take positions on, and one statement per
// position, each with the span of text that reports it. Spans are never
// typed by hand: they are found in the article text, so a quote that does not
// occur (or occurs twice) is an error here rather than a wrong offset.
func seedCorpus() (*claim.Corpus, error) {
	// "Last year" is resolved against the publication date: 2022.
	lastYear, err := claim.ParseEnglishDate("last year", published)
	if err != nil {
		return nil, err
	}

	var q quotes
	c := &claim.Corpus{
		Format:   claim.Format,
		Sources:  seedSources(),
		Articles: []source.Article{seedArticle()},
		Claims:   seedClaims(),
		Statements: []claim.Statement{
			// Headline and lead: the White House warns against munitions
			// sales. A warning against selling presents the sale as possible,
			// not as fact: PS+. The headline is printed twice on the saved
			// page; the second copy is the one above the body.
			{
				ID: "s-wh-warn", Claim: "kp-sells-munitions", Source: "white-house",
				Act: claim.ActWarn, Factuality: claim.PSPlus(),
				Mentions: []claim.Mention{
					q.keep(mentionNth("Warns", articleTitle, 2)),
					q.keep(mention("warning", "The White House has issued a stern warning to North Korea, urging the country to refrain from selling munitions to Russia amidst escalating tensions between Pyongyang and Washington.")),
				},
			},

			// Paragraph 2: Kirby's concern about "potential" deals, and the
			// US urging a halt. Urging the DPRK to halt "its arms
			// negotiations" presupposes that they are going on: CT+.
			{
				ID: "s-kirby-concern", Claim: "kp-sells-munitions", Source: "john-kirby",
				Act: claim.ActConcern, Factuality: claim.PSPlus(),
				Mentions: []claim.Mention{q.keep(mention("expressed concern", "White House national security spokesperson John Kirby expressed concern about potential arms deals between Russia and North Korea, emphasizing the importance of adhering to public commitments."))},
			},
			{
				// The same sentence urges respect for public commitments:
				// a second statement on a claim of its own.
				ID: "s-kirby-commitments", Claim: "kp-keep-commitments", Source: "john-kirby",
				Act: claim.ActUrge, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("emphasizing", "White House national security spokesperson John Kirby expressed concern about potential arms deals between Russia and North Korea, emphasizing the importance of adhering to public commitments."))},
			},
			{
				ID: "s-us-urge-halt", Claim: "kp-ru-arms-talks", Source: "united-states",
				Act: claim.ActUrge, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("urged", "The United States urged the Democratic People’s Republic of Korea (DPRK) to halt its arms negotiations with Russia."))},
			},

			// Paragraph 3: "it is believed" names no speaker, so the
			// statement belongs to the built-in absent source; "believed" is
			// probable, not certain.
			{
				ID: "s-believed-shoigu", Claim: "shoigu-sought-ammunition", Source: source.AbsentID,
				Act: claim.ActAssert, Factuality: claim.PRPlus(),
				Mentions: []claim.Mention{q.keep(mention("it is believed", "Kirby’s statement followed the visit of Russia’s Defense Minister Sergei Shoigu to North Korea, during which it is believed that he attempted to persuade Pyongyang to provide artillery ammunitions for Moscow’s involvement in the Ukraine conflict."))},
			},
			{
				// The next sentence names who stands behind "these claims":
				// intelligence the White House relays without disclosing it.
				ID: "s-intel-shoigu", Claim: "shoigu-sought-ammunition", Source: "us-intelligence",
				Via: []source.ID{"white-house"},
				Act: claim.ActAssert, Factuality: claim.PRPlus(),
				Mentions: []claim.Mention{q.keep(mention("intelligence sources", "The exact intelligence sources behind these claims were not disclosed by the White House."))},
			},

			// Paragraph 4: Putin and Kim exchange letters pledging closer
			// ties (one pledge each), and Putin's own letter spells it out.
			{
				ID: "s-putin-pledge", Claim: "kp-ru-ties", Source: "vladimir-putin",
				Act: claim.ActPledge, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("pledging", lettersQuote))},
			},
			{
				ID: "s-kim-pledge", Claim: "kp-ru-ties", Source: "kim-jong-un",
				Act: claim.ActPledge, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("pledging", lettersQuote))},
			},
			{
				ID: "s-putin-cooperation", Claim: "kp-ru-cooperation", Source: "vladimir-putin",
				Act: claim.ActPledge, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("emphasized", "Putin’s statement emphasized the enhancement of bilateral cooperation across various domains, including regional stability and security in Northeast Asia."))},
			},

			// Paragraph 5: last year's accusation (said in 2022, about 2022),
			// the blanket denials, and the concern resting on intelligence
			// the White House did not disclose.
			{
				ID: "s-us-accuse", Claim: "kp-shells-2022", Source: "united-states",
				Act: claim.ActAccuse, Factuality: claim.CTPlus(), Said: lastYear,
				Mentions: []claim.Mention{q.keep(mention("accused", "Last year, the US accused North Korea of clandestinely shipping artillery shells to Russia."))},
			},
			// "Any arms-related cooperation" is denied as a whole, so the
			// denials negate the general claim, and through it (see package
			// timeline) the 2022 shipments that refine it. When the denials
			// were made is not said.
			{
				ID: "s-kp-deny", Claim: "kp-sells-munitions", Source: "north-korea",
				Act: claim.ActDeny, Factuality: claim.CTMinus(),
				Mentions: []claim.Mention{q.keep(mention("consistently denied", denialQuote))},
			},
			{
				ID: "s-ru-deny", Claim: "kp-sells-munitions", Source: "russia",
				Act: claim.ActDeny, Factuality: claim.CTMinus(),
				Mentions: []claim.Mention{q.keep(mention("consistently denied", denialQuote))},
			},
			{
				ID: "s-us-concern-support", Claim: "kp-military-support", Source: "united-states",
				Act: claim.ActConcern, Factuality: claim.PSPlus(),
				Mentions: []claim.Mention{q.keep(mention("remains concerned", "The US remains concerned that North Korea may offer military support to Russia’s forces in Ukraine, based on new information suggesting that talks have been advancing."))},
			},
			// The "new information" comes from intelligence sources the White
			// House "did not disclose" (paragraph 3): an unnamed source,
			// relayed by the White House. "Suggesting" is probable.
			{
				ID: "s-intel-talks", Claim: "kp-ru-talks-advancing", Source: "us-intelligence",
				Via: []source.ID{"united-states"},
				Act: claim.ActAssert, Factuality: claim.PRPlus(),
				Mentions: []claim.Mention{q.keep(mention("suggesting", "new information suggesting that talks have been advancing"))},
			},

			// Paragraph 6: the State Department on UN resolutions, and the
			// article's own assessment of North Korea's missile firing.
			{
				ID: "s-state-unsc", Claim: "arms-deal-violates-unsc", Source: "state-department",
				Act: claim.ActAssert, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("underscored", "The US Department of State underscored that any security cooperation or arms deals between North Korea and Russia would violate multiple UN Security Council resolutions."))},
			},
			{
				ID: "s-ctn-missiles", Claim: "kp-missiles-instability", Source: "ctn-news",
				Act: claim.ActAssert, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("heightened", "North Korea’s continued ballistic missile testing and the recent firing of missiles in defiance of US actions in the region have further heightened regional instability."))},
			},

			// Paragraph 7: diplomacy. The White House's commitment to a
			// diplomatic approach, the trilateral summit's pledge (one
			// statement per party), and the article's verdict on past talks.
			{
				ID: "s-wh-diplomacy", Claim: "diplomacy-with-kp", Source: "white-house",
				Act: claim.ActPledge, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("remain committed", "While tensions persist, the White House and its allies remain committed to a diplomatic approach in dealing with North Korea."))},
			},
			{
				ID: "s-us-pledge-trilateral", Claim: "trilateral-cooperation", Source: "united-states",
				Act: claim.ActPledge, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("pledge", summitQuote))},
			},
			{
				ID: "s-kr-pledge-trilateral", Claim: "trilateral-cooperation", Source: "south-korea",
				Act: claim.ActPledge, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("pledge", summitQuote))},
			},
			{
				ID: "s-jp-pledge-trilateral", Claim: "trilateral-cooperation", Source: "japan",
				Act: claim.ActPledge, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("pledge", summitQuote))},
			},
			{
				ID: "s-ctn-no-progress", Claim: "denuclearisation-stalled", Source: "ctn-news",
				Act: claim.ActAssert, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("have not yielded", "Past diplomatic efforts, including direct talks between former US President Donald Trump and Kim Jong Un, have not yielded substantial progress in denuclearization."))},
			},

			// Paragraph 8: the 2018 commitment, said in 2018 and reported
			// here; the article's own statement that it came to nothing; and
			// the background of the 2006 test.
			{
				ID: "s-kp-pledge-2018", Claim: "kp-denuclearisation-pledge", Source: "north-korea",
				Act: claim.ActPledge, Factuality: claim.CTPlus(), Said: claim.Year(2018),
				Mentions: []claim.Mention{q.keep(mention("commitment", "The joint statement issued after the first meeting between Trump and Kim in 2018 expressed North Korea’s commitment to working toward complete denuclearization of the Korean Peninsula."))},
			},
			{
				ID: "s-ctn-not-dismantled", Claim: "kp-nukes-not-dismantled", Source: "ctn-news",
				Act: claim.ActAssert, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("not realized", "However, subsequent efforts to dismantle North Korea’s nuclear weapons program were not realized."))},
			},
			{
				ID: "s-ctn-nuclear-test", Claim: "kp-nuclear-test-2006", Source: "ctn-news",
				Act: claim.ActAssert, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("conducted", "The country conducted its first nuclear test in 2006, leading to international sanctions and multiple UN Security Council resolutions."))},
			},

			// Paragraph 9: Russia and China reject harsher sanctions and
			// argue the existing ones have failed; the White House keeps
			// calling for dialogue.
			{
				ID: "s-ru-oppose-sanctions", Claim: "harsher-sanctions", Source: "russia",
				Act: claim.ActReject, Factuality: claim.CTMinus(),
				Mentions: []claim.Mention{q.keep(mention("opposed", sanctionsQuote))},
			},
			{
				ID: "s-cn-oppose-sanctions", Claim: "harsher-sanctions", Source: "china",
				Act: claim.ActReject, Factuality: claim.CTMinus(),
				Mentions: []claim.Mention{q.keep(mention("opposed", sanctionsQuote))},
			},
			{
				ID: "s-ru-sanctions-ineffective", Claim: "sanctions-ineffective", Source: "russia",
				Act: claim.ActAssert, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("contending", sanctionsQuote))},
			},
			{
				ID: "s-cn-sanctions-ineffective", Claim: "sanctions-ineffective", Source: "china",
				Act: claim.ActAssert, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("contending", sanctionsQuote))},
			},
			{
				ID: "s-wh-urge-dialogue", Claim: "diplomacy-with-kp", Source: "white-house",
				Act: claim.ActUrge, Factuality: claim.CTPlus(),
				Mentions: []claim.Mention{q.keep(mention("call for", "Despite the diplomatic challenges and tensions, the White House continues to call for dialogue and engagement with North Korea as the preferred avenue for resolving these complex issues."))},
			},
		},
	}
	if err := errors.Join(q.errs...); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return c, nil
}

// Sentences that report more than one statement: one speaker each.
const (
	lettersQuote   = "The warning came shortly after Russian President Vladimir Putin and North Korean leader Kim Jong Un exchanged letters, pledging to strengthen ties between their two nations."
	denialQuote    = "Despite these allegations, both North Korea and Russia have consistently denied any arms-related cooperation."
	summitQuote    = "The trilateral summit involving the US, South Korea, and Japan resulted in a pledge to deepen security cooperation, including real-time sharing of missile launch data."
	sanctionsQuote = "Both Russia and China have opposed harsher UN sanctions against North Korea, contending that the existing sanctions have not effectively curtailed the country’s nuclear program."
)

// seedArticle returns the article record. The saved text has no URL.
func seedArticle() source.Article {
	return source.Article{
		ID:        articleID,
		Outlet:    "ctn-news",
		Title:     articleTitle,
		Published: published,
		Language:  "en",
		Text:      articleText,
	}
}

// seedSources returns everyone who speaks in the article or is spoken about,
// in their affiliation tree: Kirby -> White House -> United States. The
// absent source of "it is believed" is built in and not declared here.
func seedSources() []source.Source {
	return []source.Source{
		// The United States and the bodies that speak for it.
		{ID: "united-states", Name: "United States", Kind: source.KindGovernment,
			Aliases: []string{"US", "U.S.", "Washington", "the United States"}},
		{ID: "white-house", Name: "White House", Kind: source.KindAgency, Parent: "united-states"},
		{ID: "john-kirby", Name: "John Kirby", Kind: source.KindSpokesperson, Parent: "white-house",
			Aliases: []string{"Kirby"}},
		{ID: "state-department", Name: "State Department", Kind: source.KindAgency, Parent: "united-states",
			Aliases: []string{"US Department of State"}},
		// "The exact intelligence sources behind these claims were not
		// disclosed by the White House": unnamed, not absent.
		{ID: "us-intelligence", Name: "US intelligence sources (not disclosed)", Kind: source.KindAgency,
			Identity: source.IdentityUnnamed, Parent: "united-states"},

		// North Korea.
		{ID: "north-korea", Name: "North Korea", Kind: source.KindGovernment,
			Aliases: []string{"Pyongyang", "DPRK", "Democratic People's Republic of Korea", "the North"}},
		{ID: "kim-jong-un", Name: "Kim Jong Un", Kind: source.KindOfficial, Parent: "north-korea",
			Aliases: []string{"Kim"}},

		// Russia.
		{ID: "russia", Name: "Russia", Kind: source.KindGovernment,
			Aliases: []string{"Moscow", "the Kremlin"}},
		{ID: "vladimir-putin", Name: "Vladimir Putin", Kind: source.KindOfficial, Parent: "russia",
			Aliases: []string{"Putin"}},
		{ID: "sergei-shoigu", Name: "Sergei Shoigu", Kind: source.KindOfficial, Parent: "russia",
			Aliases: []string{"Shoigu"}},

		// The other governments, and the outlet itself, which speaks in its
		// own voice in paragraphs 6 to 8.
		{ID: "south-korea", Name: "South Korea", Kind: source.KindGovernment,
			Aliases: []string{"Seoul", "Republic of Korea"}},
		{ID: "japan", Name: "Japan", Kind: source.KindGovernment, Aliases: []string{"Tokyo"}},
		{ID: "china", Name: "China", Kind: source.KindGovernment, Aliases: []string{"Beijing"}},
		{ID: "ctn-news", Name: "CTN News", Kind: source.KindMediaOutlet},
	}
}

// seedClaims returns the propositions the article's statements take
// positions on, each stated once in canonical words. A claim is not the
// article's wording: the warning and Kirby's concern are two positions on
// one claim.
func seedClaims() []claim.Claim {
	kpAccused := []claim.Actor{
		{Source: "north-korea", Role: claim.RoleAccused},
		{Source: "russia", Role: claim.RoleBeneficiary},
	}
	bothSubjects := []claim.Actor{{Source: "north-korea"}, {Source: "russia"}}
	refines := func(to claim.ID) []claim.Relation {
		return []claim.Relation{{Kind: claim.RelationRefines, To: to}}
	}
	return []claim.Claim{
		// Arms for Russia: the general claim, last year's specific
		// shipments, the talks, and the wider military support.
		{ID: "kp-sells-munitions", Text: "North Korea sells munitions to Russia", Actors: kpAccused},
		{ID: "kp-keep-commitments", Text: "North Korea should adhere to its public commitments", Actors: []claim.Actor{{Source: "north-korea"}}},
		{ID: "kp-shells-2022", Text: "North Korea shipped artillery shells to Russia in 2022", Actors: kpAccused,
			Event: claim.Year(2022), Relations: refines("kp-sells-munitions")},
		{ID: "kp-ru-arms-talks", Text: "North Korea and Russia are negotiating arms deals", Actors: []claim.Actor{
			{Source: "north-korea", Role: claim.RoleAccused},
			{Source: "russia", Role: claim.RoleAccused},
		}},
		{ID: "kp-ru-talks-advancing", Text: "Arms talks between North Korea and Russia have been advancing", Actors: []claim.Actor{
			{Source: "north-korea", Role: claim.RoleAccused},
			{Source: "russia", Role: claim.RoleAccused},
		}, Relations: refines("kp-ru-arms-talks")},
		{ID: "shoigu-sought-ammunition", Text: "Sergei Shoigu tried to persuade North Korea during his visit to supply artillery ammunition for Russia's war in Ukraine", Actors: []claim.Actor{
			{Source: "sergei-shoigu", Role: claim.RoleAccused},
			{Source: "north-korea", Role: claim.RoleTarget},
			{Source: "russia", Role: claim.RoleBeneficiary},
		}},
		{ID: "kp-military-support", Text: "North Korea offers military support to Russia's forces in Ukraine", Actors: kpAccused},
		{ID: "arms-deal-violates-unsc", Text: "Any security cooperation or arms deal between North Korea and Russia would violate UN Security Council resolutions", Actors: bothSubjects},

		// Putin and Kim.
		{ID: "kp-ru-ties", Text: "North Korea and Russia will strengthen ties", Actors: bothSubjects},
		{ID: "kp-ru-cooperation", Text: "Russia and North Korea will enhance bilateral cooperation across various domains, including regional stability and security in Northeast Asia",
			Actors: bothSubjects, Relations: refines("kp-ru-ties")},

		// Missiles, the nuclear programme and the diplomacy around it.
		{ID: "kp-missiles-instability", Text: "North Korea's ballistic missile testing and firing have heightened regional instability", Actors: []claim.Actor{{Source: "north-korea"}}},
		{ID: "trilateral-cooperation", Text: "The United States, South Korea and Japan will deepen security cooperation, including real-time sharing of missile launch data", Actors: []claim.Actor{
			{Source: "united-states"}, {Source: "south-korea"}, {Source: "japan"},
		}},
		{ID: "diplomacy-with-kp", Text: "Diplomacy and dialogue with North Korea are the preferred way to resolve the issues it raises", Actors: []claim.Actor{
			{Source: "white-house"}, {Source: "north-korea", Role: claim.RoleTarget},
		}},
		{ID: "denuclearisation-stalled", Text: "Diplomacy with North Korea, including the Trump–Kim talks, has not yielded substantial progress toward denuclearisation", Actors: []claim.Actor{{Source: "north-korea"}}},
		{ID: "kp-denuclearisation-pledge", Text: "North Korea will work toward complete denuclearisation of the Korean Peninsula", Actors: []claim.Actor{{Source: "north-korea"}}},
		{ID: "kp-nukes-not-dismantled", Text: "Efforts to dismantle North Korea's nuclear weapons programme were not realised", Actors: []claim.Actor{{Source: "north-korea"}}},
		{ID: "kp-nuclear-test-2006", Text: "North Korea conducted its first nuclear test in 2006, leading to international sanctions and UN Security Council resolutions",
			Actors: []claim.Actor{{Source: "north-korea"}}, Event: claim.Year(2006)},

		// Sanctions.
		{ID: "harsher-sanctions", Text: "Harsher UN sanctions against North Korea are warranted", Actors: []claim.Actor{{Source: "north-korea", Role: claim.RoleTarget}}},
		{ID: "sanctions-ineffective", Text: "Existing UN sanctions have not effectively curtailed North Korea's nuclear programme", Actors: []claim.Actor{{Source: "north-korea"}}},
	}
}

// mention returns the mention of the one place quote occurs in the seed
// article, marked by cue. It fails, wrapping [claim.ErrNotFound] or
// [claim.ErrAmbiguous], when quote occurs nowhere or more than once.
func mention(cue, quote string) (claim.Mention, error) {
	m, err := claim.MentionOf(seedArticle(), cue, quote)
	if err != nil {
		return claim.Mention{}, fmt.Errorf("seed-story: mention with cue %q: %w", cue, err)
	}
	return m, nil
}

// mentionNth is mention for a quote the article repeats: it takes the nth
// occurrence (counting from 1), found with [claim.MentionOfNth].
func mentionNth(cue, quote string, nth int) (claim.Mention, error) {
	m, err := claim.MentionOfNth(seedArticle(), cue, quote, nth)
	if err != nil {
		return claim.Mention{}, fmt.Errorf("seed-story: mention with cue %q: %w", cue, err)
	}
	return m, nil
}

// quotes gathers the errors of the mentions it keeps, so that the corpus
// can be written as one literal and report every misplaced quote at once.
type quotes struct{ errs []error }

// keep returns m, remembering err.
func (q *quotes) keep(m claim.Mention, err error) claim.Mention {
	if err != nil {
		q.errs = append(q.errs, err)
	}
	return m
}
