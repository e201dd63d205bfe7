import { describe, expect, it } from "vitest";
import { startProcess } from "../../../src/container-sim/index";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const bash = (script: string, image = "ubuntu:24.04") => {
  const p = startProcess({ image, command: ["bash", "-c", script], env: {}, hostname: "pod-a" }, T0);
  const lines = p.output(0, 1e9);
  return { out: lines.filter((l) => l.stream === "stdout").map((l) => l.text), err: lines.filter((l) => l.stream === "stderr").map((l) => l.text), exit: p.exit?.code };
};

describe("bash arrays", () => {
  it("indexed arrays: literal, append, elements, all, count, keys, element assignment", () => {
    const r = bash(`a=(x y z); a+=(w); echo "\${a[0]} \${a[3]}"; echo \${a[@]}; echo \${#a[@]}; echo \${!a[@]}; a[5]=v; echo \${!a[@]}; echo "\${a[-1]}"; echo $a`);
    expect(r.out).toEqual(["x w", "x y z w", "4", "0 1 2 3", "0 1 2 3 5", "v", "x"]);
  });

  it('"${a[@]}" keeps each element one word; "${a[*]}" joins them; unquoted splits', () => {
    const r = bash(`a=("one two" three); for x in "\${a[@]}"; do echo "[$x]"; done; for x in "\${a[*]}"; do echo "<$x>"; done; for x in \${a[@]}; do echo "{$x}"; done`);
    expect(r.out).toEqual(["[one two]", "[three]", "<one two three>", "{one}", "{two}", "{three}"]);
  });

  it('"$@" keeps the arguments as words too', () => {
    expect(bash(`f() { for x in "$@"; do echo "[$x]"; done; echo $#; }; f "a b" c`).out).toEqual(["[a b]", "[c]", "2"]);
  });

  it("subscripts are arithmetic, and may use variables", () => {
    expect(bash(`a=(10 20 30); i=1; echo \${a[i]} \${a[$i+1]} \${a[i-1]}; a[$i]=x; echo \${a[@]}`).out).toEqual(["20 30 10", "10 x 30"]);
  });

  it("declare -a, declare -A: associative arrays by key, their keys and count", () => {
    const r = bash(`declare -a list=(b a); declare -A m; m[name]=web; m[port]=80; declare -A n=([k]=v [j]="w x"); echo \${list[1]} \${m[name]} \${m[port]} "\${n[j]}"; echo \${#m[@]}; for k in "\${!n[@]}"; do echo "$k=\${n[$k]}"; done`);
    expect(r.out).toEqual(["a web 80 w x", "2", "k=v", "j=w x"]);
  });

  it("unset 'a[1]' removes one element; unset a the whole array", () => {
    expect(bash(`a=(x y z); unset 'a[1]'; echo \${a[@]} \${#a[@]} \${!a[@]}; unset a; echo "[\${a[@]}]"`).out).toEqual(["x z 2 0 2", "[]"]);
  });

  it("read -a splits a line into an array", () => {
    expect(bash(`echo "alpha beta gamma" | { read -a words; echo \${words[1]} \${#words[@]}; }`).out).toEqual(["beta 3"]);
  });

  it("element operators: length, defaults, patterns, slices", () => {
    expect(bash(`a=(alpha beta gamma); echo \${#a[0]} \${a[5]:-none} \${a[@]:1:2} \${a[@]/a/A}`).out).toEqual(["5 none beta gamma Alpha betA gAmma"]);
  });
});

describe("bash [[ ]]", () => {
  it("== and != match globs; a quoted right side matches literally", () => {
    const r = bash(`f=app.log; [[ $f == *.log ]] && echo glob; [[ $f != *.txt ]] && echo notxt; [[ $f == "*.log" ]] || echo literal; [[ abc == a?c ]] && echo any`);
    expect(r.out).toEqual(["glob", "notxt", "literal", "any"]);
  });

  it("=~ sets BASH_REMATCH", () => {
    const r = bash(`v="release-1.27.3"; if [[ $v =~ ^release-([0-9]+)\\.([0-9]+) ]]; then echo "\${BASH_REMATCH[0]} \${BASH_REMATCH[1]} \${BASH_REMATCH[2]}"; fi; [[ abc =~ [[:digit:]] ]] || echo nodigit`);
    expect(r.out).toEqual(["release-1.27 1 27", "nodigit"]);
  });

  it("&&, ||, ! and parentheses inside; < and > compare strings", () => {
    const r = bash(`x=5; [[ $x -gt 3 && $x -lt 10 ]] && echo between; [[ ! -z "$x" && ( $x == 4 || $x == 5 ) ]] && echo grouped; [[ apple < banana ]] && echo less; [[ b > a ]] && echo more`);
    expect(r.out).toEqual(["between", "grouped", "less", "more"]);
  });

  it("no word splitting or globbing inside; file and string tests as test has them", () => {
    const r = bash(`v="a b"; [[ $v == "a b" ]] && echo nosplit; [[ -n $unset ]] || echo empty; [[ -z $unset ]] && echo z; [[ -d /tmp && ! -f /tmp ]] && echo dir; [[ -f /etc/hostname || -f /etc/passwd ]] && echo file;`);
    expect(r.out).toEqual(["nosplit", "empty", "z", "dir", "file"]);
  });
});

describe("bash functions, arithmetic and parameter operators", () => {
  it("function f {}, f() {}, local, return", () => {
    const r = bash(`x=outer; function greet { local x="hi $1"; echo "$x"; return 3; }; greet you; echo "$? $x"; add() { echo $(( $1 + $2 )); }; add 2 3`);
    expect(r.out).toEqual(["hi you", "3 outer", "5"]);
    expect(bash(`x=1; f() { local x; echo "[$x]"; x=2; }; f; echo $x`).out).toEqual(["[]", "1"]);
  });

  it("(( )) commands and for (( ))", () => {
    const r = bash(`i=0; (( i++ )); (( i += 4 )); echo $i; (( i > 3 )) && echo big; (( 0 )) || echo zero; for ((j=0; j<3; j++)); do echo -n $j; done; echo`);
    expect(r.out).toEqual(["5", "big", "zero", "012"]);
  });

  it("${var:-x}, ${var//a/b}, ${var/a/b}, ${var:1:2}, ${#var}, ${var#*/}, ${var%.*}, ${var^^}", () => {
    const r = bash(`p=/usr/local/app.tar.gz; s=banana; echo \${u:-dflt} \${s//a/o} \${s/a/o} \${s:1:2} \${s: -3} \${#s}; echo \${p##*/} \${p#*/} \${p%.*} \${p%%.*} \${s^^}`);
    expect(r.out).toEqual(["dflt bonono bonana an ana 6", "app.tar.gz usr/local/app.tar.gz /usr/local/app.tar /usr/local/app BANANA"]);
  });
});
