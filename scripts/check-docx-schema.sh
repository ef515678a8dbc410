#!/usr/bin/env bash
# Schema and reader checks of the Word output, for every example in every built-in profile:
#   - openxml-audit (OOXML schema and semantic rules Word applies): 0 errors, strict policy,
#     for the examples and 24 specs that vary every choice (scripts/varied-specs.py);
#   - python-docx opens each file and finds the title, heading styles with outline levels and
#     keep-with-next, fonts declared in the font table, zh-CN as the East Asian language.
# Installs the tools when missing (scripts/install-ci-tools.sh). Files stay in target/docx-schema/.
#   scripts/check-docx-schema.sh
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-ci-tools.sh

out=target/docx-schema
rm -rf "$out"
mkdir -p "$out"
source scripts/bin.sh
bin=$(jianghua_bin)
[[ -x $bin ]] || { echo "error: build failed" >&2; exit 1; }
profiles=$("$bin" profiles | awk '{print $1}')
# the examples, and specs that vary every choice a spec offers (scripts/varied-specs.py)
python3 scripts/varied-specs.py "$out/specs" 24
specs=(examples/*.toml "$out"/specs/*.toml)
count=0
for profile in $profiles; do
    for spec in "${specs[@]}"; do
        name=$(basename "$spec" .toml)
        "$bin" render "$spec" --profile "$profile" -o "$out/$name-$profile.docx" 2>"$out/render.log" >/dev/null ||
            { echo "render failed: $spec ($profile)" >&2; cat "$out/render.log" >&2; exit 1; }
        count=$((count + 1))
    done
done

# one run over the folder: the tool starts once
if ! openxml-audit --policy strict -m 0 -r -q "$out" >"$out/audit.txt" 2>&1; then
    echo "openxml-audit: schema errors:" >&2
    cat "$out/audit.txt" >&2
    exit 1
fi
audited=$(openxml-audit --policy strict -m 0 -r "$out" | grep -c '^Errors: 0$')
if ((audited != count)); then
    echo "openxml-audit: $audited of $count files reported clean" >&2
    exit 1
fi
varied=$(ls "$out"/specs/*.toml | wc -l)
echo "openxml-audit: $count files ($(echo $profiles | tr '\n' ' ')× $((${#specs[@]} - varied)) examples and $varied varied specs), 0 errors"

python3 - "$out" <<'PY'
import glob, sys, zipfile
import docx
from docx.oxml.ns import qn

files = sorted(glob.glob(sys.argv[1] + "/*.docx"))
all_headings = 0
for path in files:
    d = docx.Document(path)
    paras = [p for p in d.paragraphs if p.text.strip()]
    assert paras and paras[0].style.name == "Speech Title", (path, paras[0].style.name)
    headings = [p for p in paras if p.style.name.lower().startswith("heading ")]
    all_headings += len(headings)
    for p in headings:
        ppr = p.style.element.pPr
        level = int(p.style.name.split()[-1])
        outline = ppr.find(qn("w:outlineLvl"))
        assert outline is not None and outline.get(qn("w:val")) == str(level - 1), (path, p.text)
        assert ppr.find(qn("w:keepNext")) is not None, (path, p.style.name)
    # runs carry no fonts or sizes of their own: the styles do
    for p in paras:
        for r in p.runs:
            assert r.font.size is None and r.font.name is None, (path, r.text)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        assert not [n for n in names if n.endswith("/")], f"{path}: folder entries"
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in z.infolist()), path
        table = z.read("word/fontTable.xml").decode()
        styles = z.read("word/styles.xml").decode()
    import re
    used = set(re.findall(r'w:eastAsia="([^"]+)"', styles)) - {"zh-CN"}
    for face in used:
        assert f'w:name="{face}"' in table, (path, face)
    assert 'w:eastAsia="zh-CN"' in styles, path
assert all_headings, "no heading paragraphs in any example"
print(f"python-docx: {len(files)} files open, {all_headings} headings; title, heading styles (outline level, keep with next), "
      "no direct run formatting, fonts declared, zh-CN")
PY
