package ical

import (
	"bytes"
	"encoding/json"
	"github.com/zzia/press/internal/msg"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/testenv"
)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, clock.Zone)
	if err != nil {
		panic(err)
	}
	return t
}

// fixture has activities with text that stresses escaping and folding:
// long Chinese text (3-byte characters), an emoji (4 bytes), commas,
// semicolons, backslashes, CR LF, HTML.
func fixture() *member.Dataset {
	long := strings.Repeat("郑州市信息化促进会数字化转型系列研讨", 6)
	acts := []*member.Activity{
		{ID: "forum-2025", Title: "数字化转型论坛：AI, 数据; 安全\\未来 🚀", Kind: "论坛", Department: "咨询培训部",
			Start: at("2025-03-02 14:00"), End: at("2025-03-02 17:00"), Location: "郑州示例会展中心, 3号厅; A区",
			Summary: "第一段 <b>加粗</b>\r\n第二段 <script>alert(1)</script>\n" + long, Status: member.StatusHeld,
			Speakers:     []member.Speaker{{Name: "王虚构", Affiliation: "中原虚构大学", Title: "教授", Topic: "大模型, 与治理"}},
			Registration: member.Registration{URL: "https://reg.example.com/forum?a=1,b=2", Deadline: at("2025-02-28 18:00")},
			Updated:      at("2025-02-20 10:00")},
		{ID: "training-2026", Title: long, Kind: "培训", Department: "咨询培训部", AllDay: true,
			Start: at("2026-04-01 00:00"), End: at("2026-04-02 00:00"), Status: member.StatusPlanned, Sequence: 2},
		{ID: "meeting-2026", Title: "理事会", Kind: "会议", Department: "行政人事部",
			Start: at("2026-06-01 09:00"), End: at("2026-06-01 12:00"), Status: member.StatusCancelled, Sequence: 1},
	}
	ds, diags := member.Assemble(msg.En, member.Sources{Activities: acts}, time.Time{})
	if diags.HasErrors() {
		panic(diags)
	}
	return ds
}

var opts = Options{
	Stamp: at("2026-11-27 00:00"),
	URL:   func(a *member.Activity) string { return "https://www.example.org/activities/" + a.ID + "/" },
}

func TestFeedsAreStrictRFC5545(t *testing.T) {
	files := Feeds(fixture(), opts)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		for _, e := range checkStrict(f.Data) {
			t.Errorf("%s: %s", f.Name, e)
		}
	}
	want := "all.ics events/forum-2025.ics events/meeting-2026.ics events/training-2026.ics forum.ics meeting.ics training.ics"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("files = %s, want %s", got, want)
	}
}

// The checker itself must catch what the library gets wrong by default.
func TestCheckerCatchesMistakes(t *testing.T) {
	good := Calendar("x", fixture().Activities, opts)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"bare LF", bytes.ReplaceAll(good, []byte("\r\n"), []byte("\n")), "does not end with CRLF"},
		{"long line", bytes.Replace(good, []byte("SUMMARY:"), []byte("SUMMARY:"+strings.Repeat("x", 80)), 1), "more than 75"},
		{"split character", bytes.Replace(good, []byte("SUMMARY:数"), []byte("SUMMARY:\xe6\x95\r\n \xb0"), 1), "split"},
		{"unescaped comma", bytes.Replace(good, []byte(`AI\,`), []byte(`AI,`), 1), "unescaped ,"},
		{"local time", bytes.Replace(good, []byte("DTSTART;TZID=Asia/Shanghai:20250302T140000"), []byte("DTSTART:20250302T140000"), 1), "neither UTC"},
		{"another zone", bytes.Replace(good, []byte("DTSTART;TZID=Asia/Shanghai:20250302T140000"), []byte("DTSTART;TZID=Asia/Tokyo:20250302T140000"), 1), "TZID Asia/Tokyo without its VTIMEZONE"},
		{"repeated parameter", bytes.Replace(good, []byte("REFRESH-INTERVAL;VALUE=DURATION"), []byte("REFRESH-INTERVAL;VALUE=DURATION;VALUE=DURATION"), 1), "parameter VALUE repeated"},
		{"missing UID", regexp.MustCompile(`UID:forum-2025@zzia-press\r\n`).ReplaceAll(good, nil), "0 UID"},
		{"unbalanced", bytes.Replace(good, []byte("END:VEVENT"), []byte("END:VTODO"), 1), "does not close"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := strings.Join(checkStrict(tt.data), "\n")
			if !strings.Contains(errs, tt.want) {
				t.Errorf("checker missed %q; got:\n%s", tt.want, errs)
			}
		})
	}
}

func TestEventContent(t *testing.T) {
	ds := fixture()
	cal := string(Event(ds.Activity("forum-2025"), opts))
	unfolded := strings.ReplaceAll(cal, "\r\n ", "")
	for _, want := range []string{
		"UID:forum-2025@zzia-press\r\n",
		"DTSTART;TZID=Asia/Shanghai:20250302T140000\r\n", // as the organisers wrote it
		"DTEND;TZID=Asia/Shanghai:20250302T170000\r\n",
		"BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nTZNAME:CST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
		"REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n",
		"DTSTAMP:20250220T020000Z\r\n", // the updated field
		"LAST-MODIFIED:20250220T020000Z\r\n",
		"SEQUENCE:0\r\n",
		"STATUS:CONFIRMED\r\n",
		`SUMMARY:数字化转型论坛：AI\, 数据\; 安全\\未来 🚀` + "\r\n",
		`LOCATION:郑州示例会展中心\, 3号厅\; A区` + "\r\n",
		`DESCRIPTION:第一段 <b>加粗</b>\n第二段 <script>alert(1)</script>\n`,
		"URL:https://www.example.org/activities/forum-2025/\r\n",
		"X-WR-TIMEZONE:Asia/Shanghai\r\n",
		"METHOD:PUBLISH\r\n",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("event lacks %q\n%s", want, unfolded)
		}
	}
	allDay := strings.ReplaceAll(string(Event(ds.Activity("training-2026"), opts)), "\r\n ", "")
	for _, want := range []string{"DTSTART;VALUE=DATE:20260401\r\n", "DTEND;VALUE=DATE:20260403\r\n", "SEQUENCE:2\r\n",
		"LAST-MODIFIED:20261126T160000Z\r\n"} {
		if !strings.Contains(allDay, want) {
			t.Errorf("all-day event lacks %q\n%s", want, allDay)
		}
	}
	cancelled := string(Event(ds.Activity("meeting-2026"), opts))
	if !strings.Contains(cancelled, "STATUS:CANCELLED\r\n") || !strings.Contains(cancelled, "SEQUENCE:2\r\n") {
		t.Errorf("cancelled event:\n%s", cancelled)
	}
}

func TestRevisionHook(t *testing.T) {
	o := opts
	o.Revision = func(a *member.Activity) (Revision, bool) {
		return Revision{Sequence: 5, Modified: at("2026-01-02 03:04")}, a.ID == "training-2026"
	}
	cal := string(Event(fixture().Activity("training-2026"), o))
	if !strings.Contains(cal, "SEQUENCE:5\r\n") || !strings.Contains(cal, "LAST-MODIFIED:20260101T190400Z\r\n") {
		t.Errorf("revision not used:\n%s", cal)
	}
}

var uidRe = regexp.MustCompile(`(?m)^UID:(.*)\r$`)

// Two builds give the same UIDs, and the same bytes for the same options.
func TestStableAcrossBuilds(t *testing.T) {
	a := Feeds(fixture(), opts)
	b := Feeds(fixture(), opts)
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between builds", a[i].Name)
		}
	}
	later := opts
	later.Stamp = at("2027-01-01 00:00")
	c := Feeds(fixture(), later)
	uids := func(f []File) string {
		var all []string
		for _, m := range uidRe.FindAllSubmatch(f[0].Data, -1) {
			all = append(all, string(m[1]))
		}
		return strings.Join(all, " ")
	}
	if uids(a) != uids(c) || uids(a) != "forum-2025@zzia-press training-2026@zzia-press meeting-2026@zzia-press" {
		t.Errorf("UIDs %q and %q", uids(a), uids(c))
	}
}

// TestICalJS parses every feed with ical.js, the parser Thunderbird uses,
// and checks the values it reads back. It needs node and the ical.js
// pinned in tests/browser (make browser-deps installs it; nothing is
// fetched at test time).
func TestICalJS(t *testing.T) {
	node := testenv.Tool(t, "node", "install nodejs (make deps) for the ical.js check")
	dir, err := filepath.Abs(filepath.Join("..", "..", "tests", "browser", "node_modules", "ical.js"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		testenv.Missing(t, "ical.js is not installed in tests/browser: run make browser-deps")
	}
	files := Feeds(fixture(), opts)
	tmp := t.TempDir()
	for _, f := range files {
		p := filepath.Join(tmp, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	script := `
const ICAL = require(process.argv[1]);
const fs = require('fs');
const out = {};
for (const f of process.argv.slice(2)) {
  const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(f, 'utf8')));
  out[f] = comp.getAllSubcomponents('vevent').map(v => {
    const e = new ICAL.Event(v);
    return {uid: e.uid, summary: e.summary, location: e.location || '', description: e.description || '',
      start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString(),
      allDay: e.startDate.isDate, sequence: e.sequence, status: v.getFirstPropertyValue('status'),
      lastModified: v.getFirstPropertyValue('last-modified').toString()};
  });
}
console.log(JSON.stringify(out));
`
	args := []string{"-e", script, filepath.Join(dir, "dist", "ical.es5.cjs")}
	for _, f := range files {
		args = append(args, filepath.Join(tmp, filepath.FromSlash(f.Name)))
	}
	out, err := exec.Command(node, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("ical.js rejected the feeds: %v\n%s", err, out)
	}
	type ev struct {
		UID, Summary, Location, Description, Start, End, Status, LastModified string
		AllDay                                                                bool
		Sequence                                                              int
	}
	var parsed map[string][]ev
	if err := json.Unmarshal(out, &parsed); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	all := parsed[filepath.Join(tmp, "all.ics")]
	if len(all) != 3 {
		t.Fatalf("ical.js read %d events from all.ics", len(all))
	}
	ds := fixture()
	f := all[0]
	a := ds.Activity("forum-2025")
	if f.UID != "forum-2025@zzia-press" || f.Summary != a.Title || f.Location != a.Location ||
		f.Start != "2025-03-02T06:00:00.000Z" || f.End != "2025-03-02T09:00:00.000Z" || f.Status != "CONFIRMED" {
		t.Errorf("forum as read by ical.js: %+v", f)
	}
	if !strings.HasPrefix(f.Description, "第一段 <b>加粗</b>\n第二段 <script>alert(1)</script>\n郑州市") ||
		!strings.Contains(f.Description, "主讲：王虚构（中原虚构大学 教授）：大模型, 与治理") {
		t.Errorf("description as read by ical.js: %q", f.Description)
	}
	if tr := all[1]; !tr.AllDay || tr.Summary != ds.Activity("training-2026").Title || tr.Sequence != 2 {
		t.Errorf("training as read by ical.js: %+v", tr)
	}
	if m := all[2]; m.Status != "CANCELLED" || m.Sequence != 2 {
		t.Errorf("meeting as read by ical.js: %+v", m)
	}
	for name, evs := range parsed {
		if len(evs) == 0 {
			t.Errorf("%s: no events", name)
		}
	}
}

// TestFeedsShareEvents: the calendars of Feeds, which serialise each event
// once for all of them, hold the bytes of Calendar and Event.
func TestFeedsShareEvents(t *testing.T) {
	ds := fixture()
	got := map[string][]byte{}
	for _, f := range Feeds(ds, opts) {
		got[f.Name] = f.Data
	}
	want := map[string][]byte{"all.ics": Calendar(CalendarName, ds.Activities, opts)}
	for _, k := range member.Kinds {
		if acts := ofKind(ds.Activities, k.Value); len(acts) > 0 {
			want[KindFile(k.Value)] = Calendar(CalendarName+" · "+k.Value, acts, opts)
		}
	}
	for _, a := range ds.Activities {
		want[EventFile(a)] = Event(a, opts)
	}
	if len(got) != len(want) {
		t.Errorf("%d files, want %d", len(got), len(want))
	}
	for name, b := range want {
		if !bytes.Equal(got[name], b) {
			t.Errorf("%s:\n%s\nwant\n%s", name, got[name], b)
		}
	}
}

// A kind's feed holds the activities of that kind, in their order.
func TestOfKind(t *testing.T) {
	acts := []*member.Activity{{ID: "a", Kind: "论坛"}, {ID: "b", Kind: "培训"}, {ID: "c", Kind: "论坛"}}
	var ids []string
	for _, a := range ofKind(acts, "论坛") {
		ids = append(ids, a.ID)
	}
	if got := strings.Join(ids, " "); got != "a c" {
		t.Errorf("ofKind(论坛) = %s, want a c", got)
	}
	if got := ofKind(acts, "会议"); len(got) != 0 {
		t.Errorf("ofKind(会议) = %d activities, want none", len(got))
	}
}
