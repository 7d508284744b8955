/* The web editor's file formats, registered with Decap CMS before it starts.
 *
 * The build reads YAML 1.1, where a bare `no` is false and `10:30` is a number, so every text is
 * written in quotes. A cleared field is left out rather than written as `key: ""`. Organisation
 * files keep their schema line, so editors' tools still check them. The data files in the
 * organisations folder (`_categories.yaml`, …) are marked so the organisation list leaves them out.
 * Nothing here decides what is valid: the form's rules come from config.yml, made from the models.
 */
(function () {
  "use strict";
  var SCHEMA_LINE = "# yaml-language-server: $schema=./organisation.schema.json\n";
  var FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

  function clean(value) {
    if (Array.isArray(value)) {
      var list = value.map(clean).filter(function (item) { return item !== undefined; });
      return list.length ? list : undefined;
    }
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (key) {
        var item = clean(value[key]);
        if (item !== undefined) out[key] = item;
      });
      return Object.keys(out).length ? out : undefined;
    }
    if (value === null || value === undefined) return undefined;
    if (typeof value === "string" && value.trim() === "") return undefined;
    return value;
  }

  function dump(data) {
    return jsyaml.dump(data, { forceQuotes: true, quotingType: '"', lineWidth: -1, noRefs: true });
  }

  function parse(text) {
    // YAML 1.1's timestamps and sexagesimal numbers are read as text; the build decides what they mean.
    return jsyaml.load(text, { schema: jsyaml.JSON_SCHEMA }) || {};
  }

  var yamlFormat = {
    fromFile: function (text) {
      var data = parse(text);
      if (Array.isArray(data)) return { items: data, torget_kind: "data" };
      data.torget_kind = Object.prototype.hasOwnProperty.call(data, "name") ? "organisation" : "data";
      return data;
    },
    toFile: function (data) {
      var kind = data.torget_kind;
      var copy = Object.assign({}, data);
      delete copy.torget_kind;
      var keys = Object.keys(copy);
      if (keys.length === 1 && keys[0] === "items" && Array.isArray(copy.items)) {
        return dump(clean(copy.items) || []);
      }
      var body = dump(clean(copy) || {});
      return (kind === "organisation" || (kind === undefined && "name" in copy)) ? SCHEMA_LINE + body : body;
    }
  };

  var frontMatterFormat = {
    fromFile: function (text) {
      var match = FRONT_MATTER.exec(text);
      if (!match) return { body: text };
      var data = parse(match[1]);
      data.body = text.slice(match[0].length).replace(/^\r?\n/, "");
      return data;
    },
    toFile: function (data) {
      var copy = Object.assign({}, data);
      var body = copy.body || "";
      delete copy.body;
      var meta = clean(copy);
      return (meta ? "---\n" + dump(meta) + "---\n\n" : "") + body.replace(/\s*$/, "\n");
    }
  };

  CMS.registerCustomFormat("torget-yaml", "yaml", yamlFormat);
  CMS.registerCustomFormat("torget-frontmatter", "md", frontMatterFormat);
  CMS.init();
})();
