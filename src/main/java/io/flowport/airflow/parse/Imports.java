package io.flowport.airflow.parse;

import org.treesitter.TSNode;

/** Binds imported names to their import paths as written, e.g. {@code D -> a.b.C} for {@code from a.b import C as D}. */
final class Imports {

  private final Interpreter in;

  Imports(Interpreter in) {
    this.in = in;
  }

  void bind(TSNode stmt) {
    boolean from = stmt.getType().equals("import_from_statement");
    String module = from ? in.state.text(stmt.getChildByFieldName("module_name")).replaceAll("\\s", "") : null;
    for (int i = 0; i < stmt.getNamedChildCount(); i++) {
      TSNode child = stmt.getNamedChild(i);
      if (from && TSNode.eq(child, stmt.getChildByFieldName("module_name"))) {
        continue;
      }
      switch (child.getType()) {
        case "dotted_name" -> {
          String path = in.state.text(child).replaceAll("\\s", "");
          if (from) {
            in.frame.set(path, new Obj.Name(join(module, path)));
          } else {
            // `import a.b.c` binds `a`; attributes then spell out a.b.c.
            String top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            in.frame.set(top, new Obj.Name(top));
          }
        }
        case "aliased_import" -> {
          String path = in.state.text(child.getChildByFieldName("name")).replaceAll("\\s", "");
          String alias = in.state.text(child.getChildByFieldName("alias"));
          in.frame.set(alias, new Obj.Name(from ? join(module, path) : path));
        }
        case "wildcard_import" -> in.state.finding("wildcard-import", Severity.WARNING, stmt,
            "names imported by 'from " + module + " import *' are not known; uses of them are not understood");
        default -> { }
      }
    }
  }

  private static String join(String module, String name) {
    return module.endsWith(".") ? module + name : module + "." + name;
  }
}
