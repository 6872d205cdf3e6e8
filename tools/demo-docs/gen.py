import os, json, html, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from content import DOCS, EXEMPLARS
root = sys.argv[1]
index = ["# domain|file, or domain|exemplar: text. Read by DemoKnowledge in demo mode."]
binary = []
for domain, filename, title, sections in DOCS:
    d = os.path.join(root, domain); os.makedirs(d, exist_ok=True)
    index.append(f"{domain}|{filename}")
    ext = filename.rsplit('.', 1)[1]
    if ext == 'md':
        out = [f"# {title}", ""]
        for h, paras in sections:
            out += [f"## {h}", ""]
            for p in paras:
                out += [p] if p.startswith("- ") else [p, ""]
            if paras and paras[-1].startswith("- "): out.append("")
        open(os.path.join(d, filename), 'w').write("\n".join(out).rstrip() + "\n")
    elif ext == 'html':
        out = ["<!DOCTYPE html>", "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title></head><body>" % html.escape(title), "<h1>%s</h1>" % html.escape(title)]
        for h, paras in sections:
            out.append("<h2>%s</h2>" % html.escape(h))
            items = [p for p in paras if p.startswith("- ")]
            for p in paras:
                if not p.startswith("- "): out.append("<p>%s</p>" % html.escape(p))
            if items: out.append("<ul>" + "".join("<li>%s</li>" % html.escape(i[2:]) for i in items) + "</ul>")
        out.append("<footer>Kestrel Systems internal. Owner: %s team.</footer></body></html>" % domain.upper())
        open(os.path.join(d, filename), 'w').write("\n".join(out) + "\n")
    else:
        binary.append({"path": os.path.join(d, filename), "type": ext, "title": title, "sections": [{"heading": h, "paragraphs": p} for h, p in sections]})
for domain, ex in EXEMPLARS.items():
    for e in ex: index.append(f"{domain}|exemplar: {e}")
open(os.path.join(root, "index.txt"), 'w').write("\n".join(index) + "\n")
os.makedirs("/tmp/demo", exist_ok=True)
json.dump(binary, open("/tmp/demo/binary.json", "w"), indent=1)
print(len(DOCS), "docs,", len(binary), "binary")
