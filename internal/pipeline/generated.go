package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"

	"github.com/zzia/press/internal/site"
)

// generated is what press makes from the sources before Hugo runs: data
// the templates read as hugo.Data.press.<name>, and files added to the
// output as they are (feeds, CSV, PDFs).
type generated struct {
	data map[string]any
	// assets are files templates read with resources.Get, by their path
	// under assets/ (press/directory.json): Hugo renders again only the
	// pages that read one that changed, where a change of any data file
	// renders every page that reads hugo.Data.
	assets map[string][]byte
	files  map[string][]byte
	// private are the member data's private values, which no output file
	// may hold (privacy.go).
	private *secrets
}

func newGenerated() *generated {
	return &generated{data: map[string]any{}, assets: map[string][]byte{}, files: map[string][]byte{}}
}

// addData makes v available to templates as hugo.Data.press.<name>.
func (g *generated) addData(name string, v any) { g.data[name] = v }

// addAsset makes b the asset at the slash-separated path name, for
// templates to read with resources.Get.
func (g *generated) addAsset(name string, b []byte) { g.assets[name] = b }

// addFile adds a file to the output at the slash-separated path name.
func (g *generated) addFile(name string, b []byte) { g.files[name] = b }

// writeData writes the data as JSON files under dir/data/press/ and the
// assets under dir/assets/, and returns the two folders, ready to be mounted
// as a data and an assets folder; "" for a folder with nothing in it.
func (g *generated) writeData(dir string) (dataDir, assetsDir string, err error) {
	if len(g.data) > 0 {
		root := filepath.Join(dir, "data", "press")
		if err := os.MkdirAll(root, 0o755); err != nil {
			return "", "", err
		}
		for name, v := range g.data {
			b, err := dataJSON(v)
			if err != nil {
				return "", "", err
			}
			if err := os.WriteFile(filepath.Join(root, name+".json"), b, 0o644); err != nil {
				return "", "", err
			}
		}
		dataDir = filepath.Join(dir, "data")
	}
	if len(g.assets) > 0 {
		assetsDir = filepath.Join(dir, "assets")
		for name, b := range g.assets {
			if err := writeAsset(assetsDir, name, b); err != nil {
				return "", "", err
			}
		}
	}
	return dataDir, assetsDir, nil
}

// dropData lets go of the data and the assets once writeData has written
// them: Hugo reads them from the files, and the member directory's data
// would otherwise stay in memory while Hugo renders the site.
func (g *generated) dropData() { g.data, g.assets = nil, nil }

// writeAsset writes the asset name (slash-separated) under root.
func writeAsset(root, name string, b []byte) error {
	p := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, b, 0o644)
}

// mountAssets adds the generated assets folder (when there is one) to the
// site's assets.
func mountAssets(so *site.Options, assetsDir string) {
	if assetsDir != "" {
		so.Mounts = append(so.Mounts, site.Mount{Source: assetsDir, Target: "assets"})
	}
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
