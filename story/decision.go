package story

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/internal/enumtext"
	"github.com/claimtrail/claimtrail/source"
)

// Kind is what a decision does. The zero Kind is KindUnknown, which no valid
// decision has.
type Kind uint8

// The kinds of decision.
const (
	KindUnknown     Kind = iota
	KindAccept           // accept a candidate (optionally edited) or a proposed source
	KindReject           // reject a candidate or a proposed source
	KindMergeSource      // merge a proposed or a story source into another
	KindCreateClaim      // create a claim
	KindRenameClaim      // reword a claim
	KindReprint          // mark an article as a reprint of another
	KindUndo             // take back an earlier decision, named by its Seq
)

var kindNames = []string{"unknown", "accept", "reject", "merge-source", "create-claim", "rename-claim", "reprint", "undo"}

// ParseKind returns the kind named s, ignoring case and surrounding space.
// The empty string parses as [KindUnknown], which no valid decision has. An
// unknown name gives a [*FieldError] on "kind" wrapping [ErrUnknownName]
// that lists the valid names.
func ParseKind(s string) (Kind, error) { return kindText.Parse(s) }

var kindText = enumtext.New(enumtext.Config[Kind]{
	Type:           "Kind",
	Field:          "kind",
	Names:          kindNames,
	UnknownZero:    true,
	Err:            func(field, value string, err error) error { return fieldErr(field, value, err) },
	ErrUnknownName: ErrUnknownName,
	ErrInvalid:     ErrInvalid,
})

// String returns the kind's name, such as "merge-source", or "Kind(42)" for
// an out-of-range value.
func (k Kind) String() string { return kindText.String(k) }

// IsValid reports whether k is one of the kinds other than KindUnknown.
func (k Kind) IsValid() bool { return kindText.IsValid(k) }

// MarshalText returns the kind's name. KindUnknown marshals as "unknown";
// an out-of-range kind gives a [*FieldError] wrapping [ErrInvalid].
func (k Kind) MarshalText() ([]byte, error) { return kindText.Marshal(k) }

// UnmarshalText parses a name as [ParseKind] does; on error it leaves k
// unchanged.
func (k *Kind) UnmarshalText(b []byte) error { return kindText.Unmarshal(k, b) }

// MachineBy is the Decision.By of the decisions the unattended mode makes:
// statements it accepts are machine-accepted (see Story.MachineAccepted).
const MachineBy = "machine"

// Decision is one review decision: data, kept in an append-only log, keyed
// by stable keys so that it applies again after re-extraction. Which fields
// it uses depends on its Kind:
//
//   - accept a candidate: Key; optionally edited by Speaker, Claim, Act,
//     Factuality and Said. SameAs files it as a new mention of an accepted
//     statement instead of a new statement. With no Claim and no SameAs,
//     the candidate goes to the new claim proposed for its group (see
//     ClaimProposal.ID), created on first use, or to a new claim of its own
//     ("c:" and its key) with its quote as text. With Claim and Text, the
//     candidate goes to a new claim, Claim, worded Text, which the story
//     must not hold: one decision creates the claim and accepts the
//     candidate, or, refused, does neither. A claim a decision creates is
//     created only when the candidate is accepted;
//   - accept a proposed source: Source (its story-wide ID, "new:x@a1");
//     optionally As, the ID it takes, and Text, its name. Without As it
//     takes the extractor's ID without "new:" and the article ("x"), or,
//     when that is taken, that ID, "-" and the article's ID. SourceKind,
//     Identity, Parent and Investigator set what the status rules need to
//     tell its independence: "Rail workers at Hallen" accepted as unnamed
//     under Norland counts for Norland's root, not as a root of its own.
//     Each left zero keeps what was proposed. A proposed source is also
//     accepted, as proposed, when a candidate it speaks is accepted;
//   - reject: Key, or Source for a proposed source;
//   - merge-source: Source, a proposed source, and Into, a story source or
//     another proposed one: the proposed source's statements are Into's. Or
//     Source, a story source (a base source, or one accepted from a
//     proposal), merged into Into: Into takes its names as aliases, and its
//     statements, the sources under it, the claims it is a party to and the
//     articles it published become Into's; it leaves the registry;
//   - create-claim and rename-claim: Claim and Text;
//   - reprint: Article and Of, the earlier article it reprints;
//   - undo: Undoes, the Seq of an earlier decision in the log, which the
//     story then holds as if it had never been made (see Story.Apply).
//
// The zero Decision is invalid.
type Decision struct {
	// Seq is the decision's place in the story's log, from 1; the log sets
	// it.
	Seq int64 `json:"seq,omitempty"`
	// Kind says what the decision does.
	Kind Kind `json:"kind"`
	// Key names the candidate accepted or rejected.
	Key Key `json:"key,omitempty"`
	// Speaker, Act, Factuality and Said edit an accepted candidate; zero
	// values keep the extractor's.
	Speaker    source.ID         `json:"speaker,omitempty"`
	Act        claim.Act         `json:"act,omitzero"`
	Factuality *claim.Factuality `json:"factuality,omitempty"`
	Said       claim.Date        `json:"said,omitzero"`
	// Claim is the claim an accepted candidate states, or the claim created
	// or renamed.
	Claim claim.ID `json:"claim,omitempty"`
	// SameAs is the accepted statement a candidate reports again.
	SameAs claim.StatementID `json:"same_as,omitempty"`
	// Source is the source accepted, rejected or merged; As the ID an
	// accepted source takes; Into the source merged into.
	Source source.ID `json:"source,omitempty"`
	As     source.ID `json:"as,omitempty"`
	Into   source.ID `json:"into,omitempty"`
	// Text is a claim's text (created, renamed, or created by accepting a
	// candidate onto it), or an accepted source's name.
	Text string `json:"text,omitempty"`
	// SourceKind, Identity, Parent and Investigator set the kind, the
	// identity (named or unnamed), the parent and the investigator mark of
	// an accepted proposed source, as [source.Source] has them; the zero
	// value of each (and a nil pointer) keeps what the extractor proposed.
	// Identity cannot be absent. Parent is a story source or a proposed
	// one, which is then accepted as proposed; it cannot be the source
	// itself or one below it. A proposed source accepted before (as the
	// speaker of an accepted candidate, say) keeps what it became: a
	// decision setting any of them on it is refused with ErrInvalid. The
	// log stores them as "source_kind",
	// "identity", "parent" and "investigator", and a log without them
	// reads as before.
	SourceKind   source.Kind      `json:"source_kind,omitzero"`
	Identity     *source.Identity `json:"identity,omitempty"`
	Parent       source.ID        `json:"parent,omitempty"`
	Investigator *bool            `json:"investigator,omitempty"`
	// Actors are the parties a created claim is about, with their roles
	// (the accused, the beneficiary); each must be a story source.
	Actors []claim.Actor `json:"actors,omitempty"`
	// Article is the article marked as a reprint of Of.
	Article source.ArticleID `json:"article,omitempty"`
	Of      source.ArticleID `json:"of,omitempty"`
	// Undoes is the Seq of the decision an undo takes back.
	Undoes int64 `json:"undoes,omitempty"`
	// By is who decided; MachineBy for the unattended mode.
	By string `json:"by,omitempty"`
	// At is when the decision was made; optional. A time outside years 0
	// to 9999, in its zone or in UTC, is refused: JSON cannot hold it.
	At time.Time `json:"at,omitzero"`
	// Note is the reviewer's reason; optional.
	Note string `json:"note,omitempty"`
}

// Check reports the first field of the decision that its kind needs and
// lacks, or that it must not have, as a *FieldError naming the field
// ("key", "claim", ...) and wrapping ErrEmpty or ErrInvalid. It does not
// look at the story: see Story.Apply for references.
func (d Decision) Check() error {
	need := func(field, v string) error {
		if v == "" {
			return fieldErr(field, v, ErrEmpty)
		}
		return nil
	}
	both := func(a, b string, av, bv string) error {
		switch {
		case av == "" && bv == "":
			return fieldErr(a, "", ErrEmpty)
		case av != "" && bv != "":
			return fieldErr(b, bv, fmt.Errorf("%w: give %s or %s, not both", ErrInvalid, a, b))
		}
		return nil
	}
	if y, u := d.At.Year(), d.At.UTC().Year(); y < 0 || y > 9999 || u < 0 || u > 9999 {
		return fieldErr("at", d.At.String(), fmt.Errorf("%w: a time from year 0 to 9999, in its zone and in UTC", ErrInvalid))
	}
	if d.Factuality != nil && !d.Factuality.IsValid() {
		return fieldErr("factuality", d.Factuality.String(), ErrInvalid)
	}
	if !d.Act.IsValid() && d.Act != claim.ActUnknown {
		return fieldErr("act", d.Act.String(), ErrInvalid)
	}
	if err := d.checkSourceFields(); err != nil {
		return err
	}
	if d.Undoes != 0 && d.Kind != KindUndo {
		return fieldErr("undoes", strconv.FormatInt(d.Undoes, 10), fmt.Errorf("%w: only an undo decision takes back another", ErrInvalid))
	}
	switch d.Kind {
	case KindAccept, KindReject:
		if err := both("key", "source", string(d.Key), string(d.Source)); err != nil {
			return err
		}
		if d.Key != "" {
			if _, ok := d.Key.Article(); !ok {
				return fieldErr("key", string(d.Key), ErrInvalid)
			}
			if d.Text != "" && d.Kind == KindAccept && (d.Claim == "" || d.SameAs != "") {
				return fieldErr("text", d.Text, fmt.Errorf("%w: text words the new claim named by claim, which a new mention (same_as) has not", ErrInvalid))
			}
		} else if !isProposed(d.Source) {
			return fieldErr("source", string(d.Source), fmt.Errorf("%w: not a proposed source", ErrInvalid))
		}
		return nil
	case KindMergeSource:
		if err := need("source", string(d.Source)); err != nil {
			return err
		}
		if d.Source == source.AbsentID {
			return fieldErr("source", string(d.Source), fmt.Errorf("%w: the absent source cannot be merged", ErrInvalid))
		}
		return need("into", string(d.Into))
	case KindCreateClaim, KindRenameClaim:
		if err := need("claim", string(d.Claim)); err != nil {
			return err
		}
		return need("text", d.Text)
	case KindReprint:
		if err := need("article", string(d.Article)); err != nil {
			return err
		}
		if err := need("of", string(d.Of)); err != nil {
			return err
		}
		if d.Article == d.Of {
			return fieldErr("of", string(d.Of), fmt.Errorf("%w: an article cannot reprint itself", ErrInvalid))
		}
		return nil
	case KindUndo:
		if d.Undoes <= 0 {
			return fieldErr("undoes", strconv.FormatInt(d.Undoes, 10), fmt.Errorf("%w: want the Seq of an earlier decision, from 1", ErrInvalid))
		}
		if field, value := d.undoExtra(); field != "" {
			return fieldErr(field, value, fmt.Errorf("%w: an undo names only the decision it takes back (undoes), with by, at and note", ErrInvalid))
		}
		return nil
	default:
		return fieldErr("kind", d.Kind.String(), ErrInvalid)
	}
}

// undoExtra returns the first field an undo has that no undo uses, with
// its value, or "" when it has none: an undo gives only Undoes, and By,
// At and Note, which every decision may give.
func (d Decision) undoExtra() (field, value string) {
	switch {
	case d.Key != "":
		return "key", string(d.Key)
	case d.Speaker != "":
		return "speaker", string(d.Speaker)
	case d.Act != claim.ActUnknown:
		return "act", d.Act.String()
	case d.Factuality != nil:
		return "factuality", d.Factuality.String()
	case d.Said != (claim.Date{}):
		return "said", d.Said.String()
	case d.Claim != "":
		return "claim", string(d.Claim)
	case d.SameAs != "":
		return "same_as", string(d.SameAs)
	case d.Source != "":
		return "source", string(d.Source)
	case d.As != "":
		return "as", string(d.As)
	case d.Into != "":
		return "into", string(d.Into)
	case d.Text != "":
		return "text", d.Text
	case len(d.Actors) > 0:
		return "actors", string(d.Actors[0].Source)
	case d.Article != "":
		return "article", string(d.Article)
	case d.Of != "":
		return "of", string(d.Of)
	}
	return "", ""
}

// checkSourceFields checks the fields that only a decision accepting a
// proposed source may have.
func (d Decision) checkSourceFields() error {
	if d.SourceKind == source.KindUnknown && d.Identity == nil && d.Parent == "" && d.Investigator == nil {
		return nil
	}
	if d.Kind != KindAccept || d.Key != "" || d.Source == "" {
		field, value := "source_kind", d.SourceKind.String()
		switch {
		case d.Identity != nil:
			field, value = "identity", d.Identity.String()
		case d.Parent != "":
			field, value = "parent", string(d.Parent)
		case d.Investigator != nil:
			field, value = "investigator", fmt.Sprint(*d.Investigator)
		}
		return fieldErr(field, value, fmt.Errorf("%w: only accepting a proposed source sets it", ErrInvalid))
	}
	if d.SourceKind != source.KindUnknown && !d.SourceKind.IsValid() {
		return fieldErr("source_kind", d.SourceKind.String(), ErrInvalid)
	}
	if d.Identity != nil {
		if !d.Identity.IsValid() {
			return fieldErr("identity", d.Identity.String(), ErrInvalid)
		}
		if *d.Identity == source.IdentityAbsent {
			return fieldErr("identity", d.Identity.String(), fmt.Errorf("%w: only the absent source is absent", ErrInvalid))
		}
	}
	switch d.Parent {
	case "":
	case source.AbsentID:
		return fieldErr("parent", string(d.Parent), fmt.Errorf("%w: the absent source has no sources under it", ErrInvalid))
	case d.Source:
		return fieldErr("parent", string(d.Parent), fmt.Errorf("%w: a source cannot be its own parent", ErrInvalid))
	}
	return nil
}

// About returns the article a decision is about: its key's article, a
// proposed source's article, or the article a reprint decision marks; false
// for a decision about no article (a claim created or renamed).
func (d Decision) About() (source.ArticleID, bool) {
	switch {
	case d.Key != "":
		return d.Key.Article()
	case d.Kind == KindReprint:
		return d.Article, d.Article != ""
	case isProposed(d.Source):
		s := string(d.Source)
		i := strings.LastIndexByte(s, '@')
		return source.ArticleID(s[i+1:]), true
	}
	return "", false
}
