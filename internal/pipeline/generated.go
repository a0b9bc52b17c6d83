package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
)

// generated is what press makes from the sources before Hugo runs: data
// the templates read as hugo.Data.press.<name>, and files added to the
// output as they are (feeds, CSV, PDFs).
type generated struct {
	data  map[string]any
	files map[string][]byte
	// private are the member data's private values, which no output file
	// may hold (privacy.go).
	private *secrets
}

func newGenerated() *generated {
	return &generated{data: map[string]any{}, files: map[string][]byte{}}
}

// addData makes v available to templates as hugo.Data.press.<name>.
func (g *generated) addData(name string, v any) { g.data[name] = v }

// addFile adds a file to the output at the slash-separated path name.
func (g *generated) addFile(name string, b []byte) { g.files[name] = b }

// writeData writes the data as JSON files under dir/data/press/ and returns
// dir, ready to be mounted as a data folder; "" when there is no data.
func (g *generated) writeData(dir string) (string, error) {
	if len(g.data) == 0 {
		return "", nil
	}
	root := filepath.Join(dir, "data", "press")
	if err := os.MkdirAll(root, 0o755); err != nil {
		return "", err
	}
	for name, v := range g.data {
		b, err := dataJSON(v)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(root, name+".json"), b, 0o644); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, "data"), nil
}

// dataJSON is a data value as its JSON file holds it: a value already
// encoded is kept as it is.
func dataJSON(v any) ([]byte, error) {
	if raw, ok := v.(json.RawMessage); ok {
		return raw, nil
	}
	return json.Marshal(v)
}

// writeFiles adds the generated files to the output, in a stable order.
func (g *generated) writeFiles(write func(string, []byte) error) error {
	names := make([]string, 0, len(g.files))
	for n := range g.files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := write(n, g.files[n]); err != nil {
			return err
		}
	}
	return nil
}

// jsonRaw marks bytes that are already JSON.
func jsonRaw(b []byte) json.RawMessage { return json.RawMessage(b) }
