// Package cameo turns statements into a CAMEO-coded event table in the
// manner of GDELT's, for people who already count events.
//
// The table has one row per statement, with its date, the speaker's side as
// actor 1, the accused party as actor 2, the CAMEO event code of the
// speech act with its quad class and Goldstein weight, and the URL of the
// article that first reported it.
//
// The table keeps GDELT's columns and nothing of how a statement was
// annotated: whether a program rather than a person accepted it
// ([claim.Statement.MachineAccepted]) has no place in it. Package
// format/table's mentions table carries that, as machine_accepted.
//
// # Codes
//
// The event code is [claim.Act.CAMEO]: assert 010, decline-comment 011,
// concern 012, admit 015, deny 016, urge 020, pledge 030, accuse 112,
// reject 120, threaten 130. Confirm, retract, warn, question and report have
// no CAMEO code; their rows have an empty event code, quad class 0 and no
// Goldstein weight.
//
// The quad class is CAMEO's, as GDELT assigns it from the root code (the
// first two digits): 1 verbal cooperation (roots 01-05), 2 material
// cooperation (06-09), 3 verbal conflict (10-14), 4 material conflict
// (15-20). [QuadClass] gives it.
//
// The Goldstein weight is the Goldstein (1992) conflict-cooperation scale
// value, from -10 to +10, that GDELT's CAMEO.goldsteinscale.txt assigns to
// the event code: 010 0, 011 -0.1, 012 -0.4, 015 0, 016 -2, 020 3, 030 4,
// 112 -2, 120 -4, 130 -4.4. [Goldstein] gives it. It weighs the kind of
// act, not the words: it is not GDELT's AvgTone, which comes from the
// article's text and is not computed here.
//
// # Actors
//
// Actor 1 is the root of the speaker's affiliation tree (the government a
// ministry belongs to), with the speaker itself beside it; actor 2 is the
// claim's accused party (its first accused actor, as its root). Country
// codes are not in a corpus: [Options.Countries] gives them, by source ID,
// for the roots a caller knows (ISO 3166-1 alpha-3, as CAMEO actor codes
// use them); an actor whose root is not listed has an empty country.
package cameo
