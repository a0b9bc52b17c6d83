package directory

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/zzia/press/internal/member"
)

// SortMembers puts members in the order of their level, then their names
// in pinyin order (as the collator compares two names), then their ids:
// for names an editor may write, rare characters and emoji included.
func TestSortMembersByLevelPinyinAndID(t *testing.T) {
	names := []string{
		"郑州市信息技术有限公司", "河南中原数据集团", "郑州大学", "安阳软件园", "长垣市教育局",
		"重庆火锅协会", "银行", "行业协会", "𪚥龙科技", "葛\U000E0100氏工作室", "👍🏽 创意工作室",
		"ABC 数码", "abc 数码", "123 网络", "Ｚ全角公司", "郑州", "郑州市", "", "乐凯", "乐器行",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var ms []*member.Member
	for i := range 400 {
		ms = append(ms, &member.Member{
			ID:    fmt.Sprintf("m%03d", rng.IntN(1000)*1000+i),
			Name:  names[rng.IntN(len(names))],
			Level: member.Levels[rng.IntN(len(member.Levels))].Value,
		})
	}
	SortMembers(ms)
	col := collate.New(language.Chinese)
	for i := 1; i < len(ms); i++ {
		a, b := ms[i-1], ms[i]
		la, lb := member.Levels.Index(a.Level), member.Levels.Index(b.Level)
		switch c := col.CompareString(a.Name, b.Name); {
		case la != lb:
			if la > lb {
				t.Errorf("%d: level %s before %s", i, a.Level, b.Level)
			}
		case c != 0:
			if c > 0 {
				t.Errorf("%d: %q before %q", i, a.Name, b.Name)
			}
		case a.ID > b.ID:
			t.Errorf("%d: same level and name, id %s before %s", i, a.ID, b.ID)
		}
	}
}
