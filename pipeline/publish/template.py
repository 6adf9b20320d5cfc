"""The HTML of the published page: one Jinja template, rendered in the sandbox with autoescape.

Kept as a Python string (not a package data file) so an installed shuzhi always has it.  The page
has no script and no external resource; its Content-Security-Policy forbids loading any.
"""

PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="shuzhi publish">
<title>{{ r.title }}</title>
<style>
{{ css }}
</style>
</head>
<body>
<main>
<article class="report" id="report">
<header class="doc">
<h1 id="title">{{ r.title }}</h1>
{% if r.byline %}<p class="byline">{{ r.byline }}</p>{% endif %}
<p class="meta"><span>{{ r.unit_name or "（未署单位）" }}</span><span>第{{ draft_no }}稿（{{ r.version }}）</span><span>{{ r.date_cn }}</span></p>
</header>
{% for line in r.opening %}<p>{{ line }}</p>
{% endfor %}
{% for area in r.areas %}
<section class="area" id="{{ area.bookmark }}">
<h2>{{ area.number }}{{ area.title }}</h2>
{% for q in area.questions %}
<h3 id="{{ q.bookmark }}">{{ q.number }}{{ q.short }}</h3>
{% for line in q.paragraphs %}<p>{{ line }}</p>
{% else %}<p class="unanswered">（未作答）</p>
{% endfor %}
{% endfor %}
{% if area.achievements %}
<h3 id="{{ area.achievements_bookmark }}">{{ area.achievements_number }}{{ r.headings.achievements }}</h3>
{% for line in area.achievements %}<p>{{ line }}</p>
{% endfor %}
{% endif %}
</section>
{% endfor %}
<section class="problems" id="sec-problems">
<h2>{{ problems_number }}{{ r.headings.problems }}</h2>
{% for p in r.problems %}
<div class="problem" id="{{ p.bookmark }}">
<p><span class="item-no">{{ loop.index }}.</span>{{ p.first }}</p>
{% for line in p.rest %}<p>{{ line }}</p>
{% endfor %}
{% for line in p.cause %}<p class="cause">{{ line }}</p>
{% endfor %}
</div>
{% else %}<p class="unanswered">（未列出问题）</p>
{% endfor %}
</section>
{% if r.causes %}
<section class="causes" id="sec-causes">
<h2>{{ causes_number }}{{ r.headings.causes }}</h2>
{% for line in r.causes %}<p>{{ line }}</p>
{% endfor %}
</section>
{% endif %}
<section class="measures" id="sec-measures">
<h2>{{ measures_number }}{{ r.headings.measures }}</h2>
{% for m in r.measures %}
<div class="measure" id="{{ m.bookmark }}">
<p><span class="item-no">{{ loop.index }}.</span>{{ m.first }}</p>
{% for line in m.rest %}<p>{{ line }}</p>
{% endfor %}
</div>
{% else %}<p class="unanswered">（未列出措施）</p>
{% endfor %}
</section>
{% for line in r.closing %}<p>{{ line }}</p>
{% endfor %}
<div class="signature">
{% for line in r.signature %}<p>{{ line }}</p>
{% endfor %}
<p>{{ r.date_cn }}</p>
</div>
{% if r.unplaced %}
<section class="unplaced" id="unplaced">
<h2>{{ unplaced_heading }}</h2>
<p class="unanswered">{{ unplaced_note }}</p>
{% for line in r.unplaced %}<p><mark>{{ line }}</mark></p>
{% endfor %}
</section>
{% endif %}
</article>
<section class="problem-list" id="problem-list">
<h2>{{ list_title }}</h2>
<p class="list-byline">{{ list_byline }}</p>
<table>
<colgroup><col class="c-no"><col class="c-id"><col class="c-head"><col><col class="c-area"><col class="c-measures"></colgroup>
<thead><tr><th>序号</th><th>编号</th><th>问题</th><th>具体表现</th><th>所属方面</th><th>整改措施</th></tr></thead>
<tbody>
{% for row in rows %}
<tr id="list-{{ row.id }}"><td class="no">{{ row.number }}</td><td class="no">{{ row.id }}</td><td>{{ row.headline }}</td><td>{% for line in row.lines %}{{ line }}{% if not loop.last %}<br>{% endif %}{% endfor %}</td><td>{{ row.area }}</td><td>{% for m in row.measures %}{{ m }}{% if not loop.last %}<br>{% endif %}{% else %}（未制定措施）{% endfor %}</td></tr>
{% else %}<tr><td colspan="6">（未列出问题）</td></tr>
{% endfor %}
</tbody>
</table>
</section>{% if meeting %}
<section class="problem-list meeting" id="meeting">
<h2>{{ meeting.title }}</h2>
<p class="list-byline">{{ meeting.byline }}</p>
<p>{{ meeting.heard }}</p>
<h3>一、现场提问</h3>
{% for q in meeting.questions %}<div class="question" id="q-{{ loop.index }}">
<p><span class="item-no">{{ loop.index }}.</span>{{ q.asked_by }}问：{{ q.question }}</p>
{% for f in q.follow_ups %}<p>追问：{{ f }}</p>
{% endfor %}{% for line in q.answer %}<p>{% if loop.first %}答（摘要）：{% endif %}{{ line }}</p>
{% endfor %}</div>
{% else %}<p>（会上没有提问。）</p>
{% endfor %}<h3>二、点评</h3>
{% for c in meeting.comments %}<div class="comment">
<p><span class="item-no">{{ loop.index }}.</span>{{ c.by }}点评：</p>
{% for line in c.text %}<p>{{ line }}</p>
{% endfor %}</div>
{% endfor %}<table>
<colgroup><col class="c-id"><col><col class="c-measures"></colgroup>
<thead><tr><th>编号</th><th>点评指出的问题</th><th>整改措施</th></tr></thead>
<tbody>
{% for p in meeting.problems %}<tr id="meeting-{{ p.id }}"><td class="no">{{ p.id }}</td><td>{{ p.text }}</td><td>{% for m in p.measures %}{{ m }}{% if not loop.last %}<br>{% endif %}{% else %}（尚未制定整改措施）{% endfor %}</td></tr>
{% else %}<tr><td colspan="3">（点评未指出问题）</td></tr>
{% endfor %}</tbody>
</table>
</section>{% endif %}
</main>
<footer class="doc">由 shuzhi 根据 {{ r.unit_name }} {{ r.version }}（{{ r.date_iso }}）生成</footer>
</body>
</html>
"""
