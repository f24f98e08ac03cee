package synth

// plainConfig is the plain project's configuration: the same settings as
// the staged annotated project (ugly URLs, relative links, the same kinds
// and outputs), with Hugo's default Markdown renderer, which turns [^id]
// markers into footnotes.
const plainConfig = `{
 "baseURL": "/",
 "title": "A synthetic briefing",
 "theme": "briefing",
 "uglyURLs": true,
 "relativeURLs": true,
 "disableKinds": ["taxonomy", "term", "rss", "section", "404"],
 "disableHugoGeneratorInject": true,
 "enableRobotsTXT": false,
 "locale": "en",
 "timeZone": "UTC",
 "outputs": {"home": ["html"], "page": ["html"]},
 "build": {"noJSConfigInAssets": true},
 "security": {"funcs": {"getenv": ["^$"]}, "http": {"urls": ["^$"]}}
}
`

// plainLayouts override the theme's article and home layouts: the article
// keeps the annotated page's provenance header and shows .Content, whose
// footnotes Hugo renders; the home page lists the articles.
var plainLayouts = map[string]string{
	"layouts/page.html": `{{ define "main" }}
<article class="article">
  {{ with .Params.outlet }}
  <header class="provenance">
    <p class="outlet">{{ . }}</p>
    <h1>{{ $.Title }}</h1>
    <dl class="meta">
      {{ with $.Params.author }}<dt>{{ T "byline" }}</dt><dd>{{ . }}</dd>{{ end }}
      <dt>{{ T "published" }}</dt>
      <dd>{{ with $.Date }}<time datetime="{{ .Format "2006-01-02" }}">{{ .Format "2 January 2006" }}</time>{{ else }}{{ T "undated" }}{{ end }}</dd>
      {{ with $.Params.relies_on }}<dt>{{ T "relies_on_label" }}</dt><dd>{{ delimit . ", " }}</dd>{{ end }}
      <dt>{{ T "original" }}</dt><dd><a class="original" href="{{ $.Params.url }}">{{ $.Params.url }}</a></dd>
    </dl>
    {{ with $.Params.summary }}<p class="lede">{{ . }}</p>{{ end }}
    <p class="reproduced">{{ T "reproduced" }}</p>
  </header>
  {{ else }}
  <h1>{{ .Title }}</h1>
  {{ end }}
  <div class="body">
{{ .Content }}
  </div>
</article>
{{ end }}
`,
	"layouts/home.html": `{{ define "main" }}
<article class="overview">
  <h1>{{ .Title }}</h1>
  {{ with .Params.summary }}<p class="lede">{{ . }}</p>{{ end }}
  <div class="prose">{{ .Content }}</div>
  <section aria-labelledby="articles-h">
    <h2 id="articles-h">{{ T "articles" }}</h2>
    <ol class="cards">
    {{ range (where site.RegularPages "Section" "articles").ByWeight }}
      <li class="card">
        <p class="card-outlet">{{ .Params.outlet }}</p>
        <h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
        <p class="card-meta">{{ with .Date }}<time datetime="{{ .Format "2006-01-02" }}">{{ .Format "2 January 2006" }}</time>{{ end }}
          {{ with .Params.relies_on }} · {{ T "relies_on" }} {{ delimit . ", " }}{{ end }}</p>
      </li>
    {{ end }}
    </ol>
  </section>
</article>
{{ end }}
`,
}
