package pipeline_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/testsite"
)

// TestEnvironmentMovesHugosClock: PRESS_TODAY and SOURCE_DATE_EPOCH are
// the time of the whole build, Hugo's "now" (and so what is future or
// expired content) as well as the membership rules' today.
func TestEnvironmentMovesHugosClock(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"hugo.toml":          "baseURL = \"https://clock.example/\"\ntitle = \"Clock\"\ndisableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\", \"robotsTXT\"]\n",
		"layouts/home.html":  `<p id="now">{{ now.UTC.Format "2006-01-02T15:04:05Z" }}</p><ul>{{ range site.RegularPages }}<li>{{ .Title }}</li>{{ end }}</ul>`,
		"layouts/page.html":  `{{ .Title }}`,
		"content/past.md":    "---\ntitle: Past\ndate: 2019-06-01\n---\n",
		"content/future.md":  "---\ntitle: Future\ndate: 2025-06-01\n---\n",
		"content/expired.md": "---\ntitle: Expired\ndate: 2019-01-01\nexpiryDate: 2019-11-30T00:00:00Z\n---\n",
	}
	testsite.WriteFiles(t, src, files)
	for _, tc := range []struct {
		env, value string
		now        string
	}{
		// Midnight of the day in Beijing time.
		{"PRESS_TODAY", "2019-11-30", "2019-11-29T16:00:00Z"},
		{"SOURCE_DATE_EPOCH", "1575158400", "2019-12-01T00:00:00Z"},
	} {
		t.Run(tc.env, func(t *testing.T) {
			t.Setenv("PRESS_TODAY", "")
			t.Setenv("SOURCE_DATE_EPOCH", "")
			t.Setenv(tc.env, tc.value)
			out := filepath.Join(t.TempDir(), "public")
			if _, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir()}); err != nil {
				t.Fatal(err)
			}
			home := read(t, out, "index.html")
			if !strings.Contains(home, `<p id="now">`+tc.now+`</p>`) {
				t.Errorf("templates' now is not %s:\n%s", tc.now, home)
			}
			if !strings.Contains(home, "Past") || strings.Contains(home, "Future") {
				t.Errorf("content dated after %s=%s is published, or content before it is not:\n%s", tc.env, tc.value, home)
			}
			if strings.Contains(home, "Expired") == (tc.env == "SOURCE_DATE_EPOCH") {
				t.Errorf("expiry is not judged at %s=%s:\n%s", tc.env, tc.value, home)
			}
		})
	}
}
