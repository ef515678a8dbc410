// The spec editor of `jianghua serve`: CodeMirror 6 with line numbers, TOML highlighting and
// error markers. Bundled once into dist/editor.js (`npm ci && npm run build`), which the Rust
// binary embeds; cargo never runs npm.
import { basicSetup } from "codemirror";
import { EditorView } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { StreamLanguage } from "@codemirror/language";
import { toml } from "@codemirror/legacy-modes/mode/toml";
import { setDiagnostics, lintGutter } from "@codemirror/lint";

export function create(parent, text, onChange) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        StreamLanguage.define(toml),
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText: (t) =>
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } }),
    // errors: [{ line, column, message }] with 1-based line and column (in characters)
    setErrors: (errors) => {
      const doc = view.state.doc;
      const diagnostics = errors
        .filter((e) => e.line)
        .map((e) => {
          const line = doc.line(Math.min(Math.max(e.line, 1), doc.lines));
          const from = Math.min(line.from + Math.max((e.column || 1) - 1, 0), line.to);
          const to = from < line.to ? line.to : from;
          return { from, to, severity: "error", message: e.message };
        });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
  };
}
