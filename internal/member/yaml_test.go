package member

import "testing"

func TestScalarRoundTrip(t *testing.T) {
	for _, s := range []string{"2025-02-08-lecture", "2025年论坛", "0371-55550001", "037155550001", "2025-02-08", "true", "yes", "~", "null",
		"1.5", "-3", "a: b", "#x", "x #y", "- item", "[a]", "", " lead", "trail ", "line\nbreak", `back\slash`, `"quoted"`, "郑州示例", "12:30", ".inf", "0x1F"} {
		src := "id: x\ntitle: " + scalar(s) + "\n"
		d := &decoder{file: "t.yaml"}
		body := d.parse([]byte(src))
		fs, _ := d.object(body, "t", Pos{}, &schema{fields: []string{"id", "title"}})
		got, ok := d.str(fs["title"], true)
		if s == "" {
			ok, got = true, ""
		}
		if !ok || got != s || len(d.diags) != 0 {
			t.Errorf("%q written as %q read back as %q (%v)", s, scalar(s), got, d.diags)
		}
	}
}
