package enumtext_test

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimtrail/claimtrail/claim"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/format/jsonl"
	"github.com/claimtrail/claimtrail/source"
	"github.com/claimtrail/claimtrail/story"
	"github.com/claimtrail/claimtrail/timeline"
)

// enum is what every enum type of the module offers.
type enum interface {
	~uint8
	fmt.Stringer
	encoding.TextMarshaler
	IsValid() bool
}

// contract checks one enum type; n is its number of values, counted from
// the constants its package declares.
type contract struct {
	unknownZero bool
	check       func(t *testing.T, n int)
	parse       func(s string) (string, error) // the name of what s parses to
}

// contracts holds every enum type of the module, by package and type name.
// TestEveryEnumIsChecked fails when a package declares an enum that is
// missing here.
var contracts = map[string]contract{
	"claim.Act":           of(claim.ParseAct, true),
	"claim.Role":          of(claim.ParseRole, false),
	"claim.RelationKind":  of(claim.ParseRelationKind, true),
	"claim.Precision":     of(claim.ParsePrecision, true),
	"claim.Polarity":      of(claim.ParsePolarity, false),
	"claim.Certainty":     of(claim.ParseCertainty, false),
	"source.Kind":         of(source.ParseKind, true),
	"source.Identity":     of(source.ParseIdentity, false),
	"timeline.Status":     of(timeline.ParseStatus, false),
	"timeline.ChangeKind": of(timeline.ParseChangeKind, true),
	"timeline.Discount":   of(timeline.ParseDiscount, false),
	"extract.Form":        of(extract.ParseForm, true),
	"extract.Resolution":  of(extract.ParseResolution, true),
	"extract.Reason":      of(extract.ParseReason, true),
	"story.Kind":          of(story.ParseKind, true),
	"jsonl.Type":          of(jsonl.ParseType, true),
}

// unknownInput is a name no enum has.
const unknownInput = "No Such Name"

// of returns the contract of enum type T, whose Parse function is parse
// and whose zero value is a placeholder named "unknown" when unknownZero.
func of[T enum, P interface {
	*T
	encoding.TextUnmarshaler
}](parse func(string) (T, error), unknownZero bool) contract {
	return contract{
		unknownZero: unknownZero,
		parse: func(s string) (string, error) {
			v, err := parse(s)
			return v.String(), err
		},
		check: func(t *testing.T, n int) {
			var names []string
			for i := range 256 {
				v := T(i)
				if i >= n {
					assert.False(t, v.IsValid(), "%d.IsValid()", i)
					assert.Regexp(t, `^[A-Z][A-Za-z]*\(`+strconv.Itoa(i)+`\)$`, v.String(), "String of out-of-range %d", i)
					_, err := v.MarshalText()
					assert.ErrorIs(t, err, source.ErrInvalid, "MarshalText of out-of-range %d", i)
					_, err = json.Marshal(v)
					assert.ErrorIs(t, err, source.ErrInvalid, "json.Marshal of out-of-range %d", i)
					continue
				}
				name := v.String()
				require.NotEmpty(t, name, "String of %d", i)
				assert.NotContains(t, names, name, "two values named %q", name)
				names = append(names, name)
				assert.Equal(t, i != 0 || !unknownZero, v.IsValid(), "%s.IsValid()", name)
				if i == 0 && unknownZero {
					assert.Equal(t, "unknown", name, "a placeholder zero is named unknown")
				}

				text, err := v.MarshalText()
				if assert.NoError(t, err, "%s.MarshalText", name) {
					assert.Equal(t, name, string(text))
				}
				for _, in := range []string{name, strings.ToUpper(name), " " + name + "\t"} {
					got, err := parse(in)
					if assert.NoError(t, err, "Parse(%q)", in) {
						assert.Equal(t, v, got, "Parse(%q)", in)
					}
				}
				back := T(n - 1 - i) // differs from v unless n is odd and i the middle
				if assert.NoError(t, P(&back).UnmarshalText(text)) {
					assert.Equal(t, v, back, "UnmarshalText(%q)", text)
				}
				data, err := json.Marshal(v)
				if assert.NoError(t, err) {
					assert.Equal(t, strconv.Quote(name), string(data))
				}
			}

			zero, err := parse("")
			assert.NoError(t, err, "Parse(\"\")")
			assert.Equal(t, T(0), zero, "Parse(\"\") is the zero value")

			_, err = parse(unknownInput)
			assert.ErrorIs(t, err, source.ErrUnknownName)
			if assert.Error(t, err) {
				msg := err.Error()
				assert.Contains(t, msg, strconv.Quote(unknownInput), "the error quotes the input")
				for i, name := range names {
					if i == 0 && unknownZero {
						continue
					}
					assert.Contains(t, msg, name, "the error lists the valid names")
				}
				var field interface{ Unwrap() error }
				assert.True(t, errors.As(err, &field), "the error is a structured field error: %T", err)
			}

			kept := T(n - 1)
			assert.Error(t, P(&kept).UnmarshalText([]byte(unknownInput)))
			assert.Equal(t, T(n-1), kept, "a failed UnmarshalText changed its receiver")
			assert.Error(t, json.Unmarshal([]byte(strconv.Quote(unknownInput)), &kept))
			assert.Equal(t, T(n-1), kept, "a failed json.Unmarshal changed its receiver")
		},
	}
}

// TestContract checks every enum of the module against the one contract
// package enumtext documents.
func TestContract(t *testing.T) {
	counts := enumsOfModule(t)
	for _, name := range slices.Sorted(maps.Keys(contracts)) {
		t.Run(name, func(t *testing.T) {
			n, ok := counts[name]
			require.True(t, ok, "%s is not declared as an enum in the module", name)
			contracts[name].check(t, n)
		})
	}
}

// notYet lists the enums of the module that do not keep the contract yet,
// each with the reason; TestEveryEnumIsChecked accepts them and nothing
// else.
var notYet = map[string]string{}

// TestEveryEnumIsChecked fails when the module declares an enum type (an
// integer type with a MarshalText method) that TestContract does not check
// and notYet does not list.
func TestEveryEnumIsChecked(t *testing.T) {
	counts := enumsOfModule(t)
	for name := range notYet {
		_, declared := counts[name]
		assert.True(t, declared, "notYet lists %s, which the module does not declare", name)
		delete(counts, name)
	}
	want := slices.Sorted(maps.Keys(contracts))
	got := slices.Sorted(maps.Keys(counts))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("enums of the module mismatch (-checked +declared):\n%s", diff)
	}
}

// FuzzParse checks, for every enum, that Parse either fails with an error
// wrapping ErrUnknownName that quotes its input or returns a value whose
// name parses back to it.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "unknown", "deny", "DENY", " part-of ", "CT", "+", "organization", "Act(3)", "x\x00", "\xff"} {
		f.Add(s)
	}
	names := slices.Sorted(maps.Keys(contracts))
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range names {
			got, err := contracts[name].parse(s)
			if err != nil {
				if !errors.Is(err, source.ErrUnknownName) || !strings.Contains(err.Error(), strconv.Quote(source.Excerpt(s))) {
					t.Fatalf("%s: Parse(%q) error %v does not wrap ErrUnknownName and quote the input", name, s, err)
				}
				continue
			}
			again, err := contracts[name].parse(got)
			if err != nil || again != got {
				t.Fatalf("%s: Parse(%q) = %s, which parses as %s, %v", name, s, got, again, err)
			}
		}
	})
}

// enumsOfModule returns each enum type the module's packages declare, as
// "package.Type", with its number of constants. An enum is a named
// integer type that has a MarshalText method; its constants are those
// declared with its type, iota continuations included.
func enumsOfModule(t *testing.T) map[string]int {
	t.Helper()
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	type key struct{ pkg, typ string }
	integer := map[key]bool{}
	marshals := map[key]bool{}
	consts := map[key]int{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		pkg := file.Name.Name
		for _, decl := range file.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv != nil && decl.Name.Name == "MarshalText" {
					if id, ok := decl.Recv.List[0].Type.(*ast.Ident); ok {
						marshals[key{pkg, id.Name}] = true
					}
				}
			case *ast.GenDecl:
				var cur string // the type of the constants an empty spec repeats
				for _, spec := range decl.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						if id, ok := spec.Type.(*ast.Ident); ok && strings.Contains(id.Name, "int") {
							integer[key{pkg, spec.Name.Name}] = true
						}
					case *ast.ValueSpec:
						if decl.Tok != token.CONST {
							continue
						}
						switch {
						case spec.Type != nil:
							cur = ""
							if id, ok := spec.Type.(*ast.Ident); ok {
								cur = id.Name
							}
						case len(spec.Values) > 0:
							cur = ""
						}
						if cur != "" {
							consts[key{pkg, cur}] += len(spec.Names)
						}
					}
				}
			}
		}
		return nil
	})
	require.NoError(t, err)
	out := map[string]int{}
	for k := range integer {
		if marshals[k] {
			out[k.pkg+"."+k.typ] = consts[k]
		}
	}
	return out
}
