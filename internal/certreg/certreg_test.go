package certreg

import (
	"github.com/zzia/press/internal/clock"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/member"
)

func TestAppendAndLoad(t *testing.T) {
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "data"), 0o755)
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, clock.Zone)
	es := []Entry{
		{Number: "ZZIA-2026-LS-001", Member: "m01", Level: member.LevelCouncil, Year: 2026, Kind: Certificate, Issued: day},
		{Number: "ZZIA-2026-LS-002", Member: "m02", Level: member.LevelCouncil, Year: 2026, Kind: Certificate, Issued: day},
	}
	if err := Append(site, es[:1]); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(filepath.Join(site, File))
	if err := Append(site, es[1:]); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(filepath.Join(site, File))
	if !strings.HasPrefix(string(second), string(first)) {
		t.Error("appending changed what was there")
	}
	got, l := Load(site)
	if len(l) > 0 {
		t.Fatal(l)
	}
	if len(got) != 2 || got[1].Number != "ZZIA-2026-LS-002" || !got[1].Issued.Equal(day) || got[1].Line != 10 {
		t.Errorf("loaded %+v", got)
	}
	nums := Numbers(got, 2026, func(id string) string {
		if id == "m02" {
			return member.LevelVicePresident // promoted: a new certificate
		}
		return member.LevelCouncil
	})
	if len(nums) != 1 || nums["m01"] != "ZZIA-2026-LS-001" {
		t.Errorf("numbers %v", nums)
	}
}

func TestParseErrors(t *testing.T) {
	src := "certificates:\n" +
		"  - number: A-1\n    member: m01\n    level: 理事单位\n    year: 2026\n    issued: 2026-03-01\n" +
		"  - number: A-1\n    member: m02\n    level: 常务理事\n    year: 2026\n    kind: 奖牌\n    issued: 2026-3-1\n" +
		"  - member: m03\n    level: 理事单位\n    year: 2026\n    issued: 2026-03-01\n    colour: red\n"
	_, l := Parse([]byte(src))
	var got []string
	for _, d := range l {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`data/certificates.yaml:9:12: level "常务理事"`,
		`data/certificates.yaml:11:11: kind "奖牌"`,
		`data/certificates.yaml:12:13: issued "2026-3-1"`,
		`data/certificates.yaml:7:13: number A-1 is also that of the entry on line 2`,
		`data/certificates.yaml:13:5: the entry has no number`,
		`data/certificates.yaml:17:5: unknown field "colour"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
}
