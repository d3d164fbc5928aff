package source

import (
	"encoding/json"
	"slices"
)

// registryJSON is the JSON form of a Registry: the sources and articles it
// was built from.
type registryJSON struct {
	Sources  []Source  `json:"sources"`
	Articles []Article `json:"articles"`
}

// Declared returns copies of the sources the registry was built from, in
// declaration order: [Registry.Sources] without the built-in absent source.
func (r *Registry) Declared() []Source {
	all := r.Sources()
	if r == nil || r.sources == nil || r.builtIn {
		return all[:len(all)-1]
	}
	return all
}

// MarshalJSON writes the sources and articles the registry was built from,
// as {"sources": [...], "articles": [...]}; the built-in absent source is
// left out, as it was when the registry was built.
func (r *Registry) MarshalJSON() ([]byte, error) {
	return json.Marshal(registryJSON{Sources: r.Declared(), Articles: slices.Clone(r.Articles())})
}

// UnmarshalJSON reads what MarshalJSON writes and builds the registry anew
// with [NewRegistry], returning its error for invalid sources or articles.
func (r *Registry) UnmarshalJSON(b []byte) error {
	var v registryJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	built, err := NewRegistry(v.Sources, v.Articles)
	if err != nil {
		return err
	}
	*r = *built
	return nil
}
