package member

import (
	"flag"
	"fmt"
	"github.com/zzia/press/internal/msg"
	"hash/fnv"
	"strings"
	"testing"
	"time"

	"github.com/mozillazg/go-pinyin"
	"github.com/zzia/press/internal/clock"
)

// go test ./internal/member -run TestWriteSample -write-sample ../../
// regenerates the sample data of the site (data/members, data/activities,
// data/chronicle.yaml). The committed files are the source: editors edit
// them, and this generator is only how they were first made.
var writeSample = flag.String("write-sample", "", "write the sample data under this site directory")

// SampleToday is the day the sample data is written for.
var SampleToday = time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)

func TestWriteSample(t *testing.T) {
	if *writeSample == "" {
		t.Skip("use -write-sample DIR to write the sample data")
	}
	if err := WriteDataset(*writeSample, sample()); err != nil {
		t.Fatal(err)
	}
}

// TestSampleGenerates checks that the generator's output loads cleanly.
func TestSampleGenerates(t *testing.T) {
	dir := t.TempDir()
	if err := WriteDataset(dir, sample()); err != nil {
		t.Fatal(err)
	}
	ds, diags := Load(msg.En, dir, SampleToday)
	if len(diags) != 0 {
		t.Fatalf("sample data has problems:\n%v", diags)
	}
	if len(ds.Members) < 60 || len(ds.Activities) < 40 {
		t.Errorf("%d members, %d activities", len(ds.Members), len(ds.Activities))
	}
}

func hash(parts ...any) uint32 {
	h := fnv.New32a()
	fmt.Fprint(h, parts...)
	return h.Sum32()
}

func sd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, clock.Zone) }

var (
	surnames = []rune("张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋")
	givens   = []rune("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸")
	syll1    = []string{"云", "星", "智", "芯", "河", "城", "光", "海", "峰", "桥"}
	syll2    = []string{"数", "联", "创", "图", "航", "信", "谷", "端"}
)

// Sample member indexes with a role in the rules.
const (
	idxPresident    = 0  // 会长
	idxRelievedSG   = 1  // 副代表 is 秘书长 and stopped coming: relieved (9.3)
	idxRepLeft      = 8  // 主代表 (理事) left in the city; successor not approved (7, 8)
	idxRepLeftCity  = 9  // 主代表 left the city; successor approved
	idxRepAbsent    = 12 // the unit comes, its 主代表 does not: suspended
	idxUnlisted1    = 25
	idxSuspended1   = 30 // nobody came to the last 4: suspended
	idxWithdrawn6   = 35 // 6 misses in 2025, came back later: still withdrawn
	idxSuspended2   = 41
	idxPastWarning  = 44 // 3 misses in 2025, then came: active, warning in history
	idxWithdrawnLng = 50 // nothing since 2025-09: withdrawn (6 misses and a year)
	idxUnlisted2    = 55
	idxNew          = 60 // joined 2026-10-15
	idxNew2         = 61 // joined 2025-06-10
	idxIndividualGo = 66 // individual member who left the city
	nMembers        = 68
)

func sampleWord(i int) string { return syll1[i%len(syll1)] + syll2[(i/len(syll1)+i)%len(syll2)] }

func sampleName(i int, unitType string) string {
	w := sampleWord(i)
	switch unitType {
	case "高校":
		return "中原虚构" + w + "大学"
	case "科研院所":
		return "郑州虚构" + w + "研究院"
	case "政府机关":
		return "示例区" + w + "数据管理局（虚构）"
	case "事业单位":
		return "郑州示例" + w + "信息中心"
	case "社会组织":
		return "郑州示例" + w + "产业联盟"
	}
	return "郑州示例" + w + "科技有限公司"
}

// personID is a person's id: the pinyin of the name.
func personID(name string) string {
	args := pinyin.NewArgs()
	var parts []string
	for _, p := range pinyin.Pinyin(name, args) {
		if len(p) > 0 {
			parts = append(parts, p[0])
		}
	}
	return strings.Join(parts, "-")
}

func sample() Sources {
	unitTypes := UnitTypes.Values()[:6]
	var members []*Member
	var people []*Person
	var approvals []*Approval
	person := func(name, mobile, email string) *Person {
		p := &Person{ID: personID(name), Name: name, Contact: Contact{Mobile: mobile, Email: email}}
		people = append(people, p)
		return p
	}
	rep := func(p *Person, role, title, post string) *Representative {
		return &Representative{Role: role, PersonID: p.ID, Person: p, Name: p.Name, Title: title, Post: post}
	}
	for i := 0; i < nMembers; i++ {
		level := LevelOrdinary
		switch {
		case i < 6:
			level = LevelVicePresident
		case i < 22:
			level = LevelCouncil
		case i >= 64:
			level = LevelIndividual
		}
		ut := unitTypes[i%len(unitTypes)]
		region := Regions[i%len(Regions)].Value
		industry := Industries[(i*5)%len(Industries)].Value
		m := &Member{
			ID:       fmt.Sprintf("m%02d-%s", i, Regions.Slug(region)),
			Level:    level,
			UnitType: ut, Region: region, Industry: industry,
			Joined:  sd(2018+i%7, 1+i%12, 1+(i*7)%28),
			Listed:  i != idxUnlisted1 && i != idxUnlisted2,
			Website: "",
		}
		main := string(surnames[i%len(surnames)]) + "示" + string(givens[i%len(givens)])
		deputy := string(surnames[(i+7)%len(surnames)]) + "虚" + string(givens[(i+3)%len(givens)])
		if level == LevelIndividual {
			p := &Person{ID: fmt.Sprintf("p%02d-individual", i), Name: main,
				Contact: Contact{Mobile: fmt.Sprintf("155-5555-%04d", 100+i), Email: fmt.Sprintf("p%02d@example.com", i)}}
			listed := i != idxUnlisted1 && i != idxUnlisted2
			p.Membership = &Membership{Joined: m.Joined, Region: region, Industry: industry, Listed: &listed,
				Intro: fmt.Sprintf("（虚构示例）%s，个人会员，从事%s工作。", main, industry)}
			if i == idxIndividualGo {
				p.LeftCity = sd(2026, 8, 1)
			}
			people = append(people, p)
			m.ID, m.Name, m.UnitType, m.Person = p.ID, main, "个人", p
			m.Representatives = []*Representative{{Role: RoleMain, PersonID: p.ID, Person: p, Name: main}}
		} else {
			m.Name = sampleName(i, ut)
			m.ShortName = "示例" + sampleWord(i)
			m.Website = fmt.Sprintf("https://m%02d.example.com", i)
			m.Intro = fmt.Sprintf("（虚构示例）%s位于郑州市%s，主要从事%s相关业务。\n\n本单位为促进会**%s**，所有信息均为演示用虚构内容。", m.Name, region, industry, level)
			if i == 3 {
				m.Intro += "\n\n介绍中的 <HTML> 标签与 <script>alert(\"示例\")</script> 会原样显示为文字。"
			}
			post := ""
			switch level {
			case LevelVicePresident:
				post = PostVicePresident
			case LevelCouncil:
				post = PostCouncil
			}
			if i == idxPresident {
				post = PostPresident
			}
			titles := map[string][2]string{"企业": {"总经理", "副总经理"}, "高校": {"副校长", "信息化办公室主任"},
				"科研院所": {"院长", "副院长"}, "政府机关": {"局长", "科长"}, "事业单位": {"主任", "副主任"}, "社会组织": {"理事长", "执行秘书"}}[ut]
			m.Representatives = []*Representative{rep(person(main, fmt.Sprintf("155-5555-%04d", i), fmt.Sprintf("rep%02d@example.com", i)), RoleMain, titles[0], post)}
			if i%3 == 0 || i == idxRelievedSG {
				d := rep(person(deputy, fmt.Sprintf("155-5556-%04d", i), ""), RoleDeputy, titles[1], "")
				if i == idxRelievedSG {
					d.Post, d.PostSince = PostSecretaryGen, sd(2024, 1, 10)
					approvals = append(approvals, &Approval{Date: d.PostSince, Meeting: "（示例）第二届理事会第七次会议",
						Member: m.ID, Person: d.PersonID, Post: PostSecretaryGen})
				}
				if i == 3 {
					d.Post = PostDeputySecGen
				}
				m.Representatives = append(m.Representatives, d)
			}
			if i == idxRepLeft || i == idxRepLeftCity {
				old := m.Representatives[0]
				old.Left = sd(2026, 5, 1)
				successor := rep(person(string(surnames[(i+11)%len(surnames)])+"示新", fmt.Sprintf("155-5557-%04d", i), ""), RoleMain, titles[0], PostCouncil)
				successor.Since = sd(2026, 5, 1)
				if i == idxRepLeftCity {
					old.Left, old.Person.LeftCity = sd(2026, 3, 15), sd(2026, 3, 15)
					successor.Since, successor.PostSince = sd(2026, 3, 15), sd(2026, 6, 20)
					approvals = append(approvals, &Approval{Date: successor.PostSince, Meeting: "（示例）第三届理事会第二次会议",
						Member: m.ID, Person: successor.PersonID, Post: PostCouncil})
				}
				m.Representatives = append(m.Representatives, successor)
			}
			m.Contact = Contact{
				Phone:   fmt.Sprintf("0371-5555%04d", i),
				Fax:     fmt.Sprintf("0371-5556%04d", i),
				Email:   fmt.Sprintf("office@m%02d.example.com", i),
				Address: fmt.Sprintf("郑州市%s示例路%d号（虚构）", region, i+1),
			}
		}
		if i == idxNew {
			m.Joined = sd(2026, 10, 15)
		}
		if i == idxNew2 {
			m.Joined = sd(2025, 6, 10)
		}
		if i%11 == 5 {
			m.Notes = "（内部）会费发票需寄送财务部。"
		}
		if m.Joined.Year() < 2025 {
			m.FeesRecordedSince = 2025 // the fees in press start with 2025
		}
		for y := m.Joined.Year(); y <= 2026; y++ {
			if y < 2025 {
				continue
			}
			f := Fee{Year: y, Amount: StandardFee[level]}
			if level == LevelIndividual {
				f.Amount, f.Note = 200, "个人会员会费"
			}
			f.Paid = sd(y, 1+int(hash(i, y)%3), 5+int(hash(y, i)%20))
			if f.Paid.Before(m.Joined) {
				f.Paid = m.Joined.AddDate(0, 0, 7)
			}
			if y == 2026 && (i%9 == 4 || i == idxWithdrawnLng) {
				continue // no row: in arrears
			}
			if y == 2026 && i%9 == 7 {
				f.Paid = time.Time{} // recorded, not paid: in arrears
			}
			if i == 15 && y == 2026 {
				f.Amount, f.Note = 5000, "经理事会同意减半收取"
			}
			m.Fees = append(m.Fees, f)
		}
		if m.Person != nil {
			m.Person.Membership.Fees, m.Person.Membership.FeesRecordedSince = m.Fees, m.FeesRecordedSince
		}
		members = append(members, m)
	}

	type plan struct {
		kind, title, dept, location string
		council                     bool
	}
	plans := []plan{
		{"论坛", "数字经济发展论坛", "咨询培训部", "郑州示例国际会展中心（虚构）", false},
		{"培训", "网络安全等级保护培训", "咨询培训部", "郑州示例培训基地（虚构）", false},
		{"讲座", "人工智能应用专题讲座", "咨询培训部", "中原虚构大学报告厅", false},
		{"研讨会", "智慧城市建设研讨会", "信息编辑部", "郑州示例会议中心（虚构）", false},
		{"会议", "理事会会议", "行政人事部", "促进会会议室（虚构）", true},
		{"培训", "数据安全合规培训", "咨询培训部", "郑州示例培训基地（虚构）", false},
		{"其他", "会员单位走访交流", "会员发展部", "会员单位（虚构）", false},
		{"讲座", "信息化项目申报政策解读", "咨询培训部", "促进会会议室（虚构）", false},
	}
	var activities []*Activity
	var held []*Activity
	slots := 50
	for j := 0; j < slots; j++ {
		p := plans[j%len(plans)]
		month := j / 2
		day := 8 + 14*(j%2)
		start := time.Date(2025, time.Month(1+month), day, 14, 0, 0, 0, clock.Zone)
		if p.kind == "培训" || p.kind == "会议" {
			start = start.Add(-5 * time.Hour) // 09:00
		}
		a := &Activity{
			ID:         fmt.Sprintf("%s-%s", start.Format("2006-01-02"), Kinds.Slug(p.kind)),
			Title:      fmt.Sprintf("%d年%s（第%d期）", start.Year(), p.title, j/len(plans)+1),
			Kind:       p.kind,
			Start:      start,
			End:        start.Add(3 * time.Hour),
			Location:   p.location,
			Department: p.dept,
			Audience:   AudienceAll,
			Capacity:   200,
			Status:     StatusHeld,
			Summary:    fmt.Sprintf("（虚构示例）%s，面向会员单位介绍最新政策与实践。\n\n- 议题一：政策解读\n- 议题二：案例交流", p.title),
		}
		if p.council {
			a.Audience = AudienceCouncil
			a.Title = fmt.Sprintf("%d年第%d次理事会会议", start.Year(), (j%24)/8+1)
			a.Summary = "（虚构示例）审议会员发展、年度工作计划等事项。"
		}
		if p.kind == "培训" {
			a.End = start.Add(7 * time.Hour)
			a.Capacity = 120
		}
		if p.kind != "会议" && p.kind != "其他" {
			a.Speakers = []Speaker{{Name: string(surnames[(j+5)%len(surnames)]) + "虚构", Affiliation: sampleName((j*3)%64, unitTypes[((j*3)%64)%6]),
				Title: []string{"教授", "高级工程师", "首席技术官"}[j%3], Topic: p.title + "的实践与思考"}}
			a.Registration = Registration{URL: "https://reg.example.com/" + start.Format("20060102"), Deadline: start.AddDate(0, 0, -2).Add(4 * time.Hour)}
		}
		if j == 49 { // a two-day all-day training
			a.ID = "2027-01-12-training-camp"
			a.Title, a.Kind, a.AllDay = "2027年信息化骨干研修营", "培训", true
			a.Start, a.End = sd(2027, 1, 12), sd(2027, 1, 13)
			a.Registration = Registration{URL: "https://reg.example.com/camp2027", Deadline: sd(2027, 1, 5).Add(18 * time.Hour)}
		}
		if j == 48 {
			a.ID = "2027-01-05-forum"
			a.Start, a.End = time.Date(2027, 1, 5, 14, 0, 0, 0, clock.Zone), time.Date(2027, 1, 5, 17, 30, 0, 0, clock.Zone)
			a.Title = "2027年新年信息化论坛"
			a.Registration.Deadline = sd(2027, 1, 3).Add(18 * time.Hour)
		}
		switch {
		case a.Start.After(SampleToday):
			a.Status = StatusPlanned
		case j == 7 || j == 29:
			a.Status = StatusCancelled
			a.Sequence = 1
			a.Updated = start.AddDate(0, 0, -3).Add(-4 * time.Hour)
		}
		if j == 13 { // a small hands-on training: places were limited
			a.Uncounted, a.Capacity = true, 30
			a.Title += "（限30人，不计入出席考勤）"
		}
		if j == 22 { // by invitation: counts only for those invited
			a.Invited = []string{members[2].ID, members[5].ID, members[14].ID, members[17].ID}
			a.Title += "（邀请制）"
		}
		if j == 20 { // rescheduled once
			a.Sequence, a.Updated = 1, start.AddDate(0, 0, -10)
		}
		activities = append(activities, a)
		if a.Held() {
			held = append(held, a)
		}
	}

	// Attendance, member by member, over the activities each was expected at.
	for i, m := range members {
		var exp []*Activity
		for _, a := range held {
			if a.Start.Before(m.Joined) {
				continue
			}
			if a.Audience == AudienceCouncil && m.Level != LevelVicePresident && m.Level != LevelCouncil {
				continue
			}
			if a.Uncounted || (len(a.Invited) > 0 && !contains(a.Invited, m.ID)) {
				continue
			}
			exp = append(exp, a)
		}
		missedLast, repMissed := false, 0
		for k, a := range exp {
			come := !(hash("u", i, k)%4 == 0 && !missedLast)
			repCame := hash("r", i, k)%5 != 0 || repMissed >= 1
			switch i {
			case idxSuspended1, idxSuspended2:
				come = come && k < len(exp)-4
			case idxRepAbsent:
				repCame = repCame && k < len(exp)-7
			case idxWithdrawn6:
				come = come && !(k >= 4 && k < 10)
			case idxPastWarning:
				come = come && !(k >= 6 && k < 9)
			case idxWithdrawnLng:
				come = come && a.Start.Before(sd(2025, 9, 1))
			case idxIndividualGo:
				come = come && a.Start.Before(sd(2026, 8, 1))
			}
			if !come {
				missedLast = true
				continue
			}
			missedLast = false
			at := Attendance{Member: m.ID}
			reps := m.Representatives
			var mainRep *Representative
			for _, r := range reps {
				if r.Role == RoleMain && (r.Left.IsZero() || a.Start.Before(r.Left)) && (r.Since.IsZero() || !a.Start.Before(r.Since)) {
					mainRep = r
				}
			}
			if repCame && mainRep != nil {
				at.Persons = append(at.Persons, mainRep.Name)
				repMissed = 0
			} else {
				repMissed++
			}
			for _, r := range reps {
				if r.Role != RoleDeputy {
					continue
				}
				if i == idxRelievedSG && !a.Start.Before(sd(2026, 3, 1)) {
					continue
				}
				if hash("d", i, k)%2 == 0 {
					at.Persons = append(at.Persons, r.Name)
				}
			}
			if len(at.Persons) == 0 || hash("o", i, k)%3 == 0 {
				at.Others = 1 + int(hash("n", i, k)%2)
			}
			a.Attendance = append(a.Attendance, at)
		}
	}

	// The former 主代表 of idxRepLeft, still in Zhengzhou, is an individual
	// member from the day he left (Article 7), and comes as one.
	former := members[idxRepLeft].Representatives[0]
	for k, a := range held {
		if !a.Start.Before(former.Left) && a.Audience == AudienceAll && !a.Uncounted && len(a.Invited) == 0 && hash("f", k)%5 != 0 {
			a.Attendance = append(a.Attendance, Attendance{Member: former.PersonID, Persons: []string{former.Name}})
		}
	}
	var units []*Member
	for _, m := range members {
		if !m.Individual() {
			units = append(units, m)
		}
	}

	chronicle := []Milestone{
		{Date: sd(2025, 1, 8), Title: "（示例）2025年工作会议召开，部署全年重点工作"},
		{Date: sd(2025, 4, 18), Title: "（示例）促进会发布《郑州市中小企业数字化转型白皮书（虚构）》", Text: "由信息编辑部牵头编写，收录会员单位案例二十余个。"},
		{Date: sd(2025, 9, 26), Title: "（示例）会员单位走访活动覆盖全市十六个区县市"},
		{Date: sd(2026, 1, 15), Title: "（示例）第三届理事会换届筹备工作启动"},
		{Date: sd(2026, 6, 30), Title: "（示例）促进会网站改版上线，会员名录与活动日历由数据自动生成", Link: "https://www.example.org/"},
		{Date: sd(2026, 10, 20), Title: "（示例）新增会员单位集中授牌仪式举行"},
	}
	return Sources{Members: units, People: people, Approvals: approvals, Activities: activities, Chronicle: chronicle}
}
