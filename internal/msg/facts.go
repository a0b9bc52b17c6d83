package msg

// The messages of the public facts check (package facts): what the site
// still shows as 待公布.
var factsCatalog = map[string][2]string{
	"facts.pending": {"[%s] %s (%s) is not filled in yet: %s",
		"[%s] %s（%s）尚未填写：%s"},
	"facts.unreal": {"[%s] %s (%s) %q does not look real: %s",
		"[%s] %s（%s）“%s”不像真实信息：%s"},
	"facts.shown": {"the site shows 待公布 in its place",
		"网站上显示“待公布”"},
	"facts.icp.hidden": {"the footer shows no ICP number and no link",
		"页脚不显示 ICP 备案号及链接"},
	"facts.hint": {"fill it in when the secretariat publishes it, e.g. %s",
		"秘书处公布后在此填写，例如 %s"},
}

func init() {
	for k, v := range factsCatalog {
		catalog[k] = v
	}
}
