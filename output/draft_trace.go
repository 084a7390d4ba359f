package output

import (
	"fmt"
	"strconv"
	"text/template"
	"text/template/parse"
)

// A traced draft is the same draft with every value the template prints
// wrapped in markers that carry the metric id it comes from:
// figOpen id figSep text figClose. The markers are private-use characters,
// which no label or figure contains.
const (
	figOpen  = "\uE000"
	figSep   = "\uE001"
	figClose = "\uE002"
)

// Functions the traced template calls; the rewritten actions name them.
const (
	fnMark = "_figure"
	fnID   = "_figureID"
)

// figureSource is draft data that can say which metric a field (or a
// method called with args) comes from.
type figureSource interface {
	figureMetric(name string, args []any) string
}

// traceFuncs are the functions of a traced template.
var traceFuncs = template.FuncMap{
	fnMark: func(id string, v any) string { return figOpen + id + figSep + fmt.Sprint(v) + figClose },
	fnID: func(recv any, name string, args ...any) string {
		if s, ok := recv.(figureSource); ok {
			return s.figureMetric(name, args)
		}
		return ""
	},
}

// traceTemplate returns a copy of t whose every printing action is
// followed by fnMark with the metric id of the value it prints, found
// from the first field, variable field or method the action reads:
// {{.Items}} becomes {{.Items | _figure (_figureID . "Items")}}.
func traceTemplate(t *template.Template, funcs template.FuncMap) (*template.Template, error) {
	out := template.New(t.Name()).Funcs(funcs).Funcs(traceFuncs)
	for _, tt := range t.Templates() {
		if tt.Tree == nil {
			continue
		}
		tree := tt.Tree.Copy()
		traceNode(tree.Root)
		if _, err := out.AddParseTree(tt.Name(), tree); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// traceNode rewrites the printing actions under n.
func traceNode(n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			traceNode(c)
		}
	case *parse.ActionNode:
		if len(n.Pipe.Decl) == 0 {
			n.Pipe.Cmds = append(n.Pipe.Cmds, command(ident(fnMark), figureIDArg(n.Pipe)))
		}
	case *parse.IfNode:
		traceNode(n.List)
		traceNode(n.ElseList)
	case *parse.RangeNode:
		traceNode(n.List)
		traceNode(n.ElseList)
	case *parse.WithNode:
		traceNode(n.List)
		traceNode(n.ElseList)
	}
}

// figureIDArg is the argument that gives the metric id of what pipe
// prints: (_figureID RECEIVER "Name" ARGS...) for the first field it
// reads, or "" when it reads none.
func figureIDArg(pipe *parse.PipeNode) parse.Node {
	for _, cmd := range pipe.Cmds {
		if len(cmd.Args) == 0 {
			continue
		}
		// A method or field: its own arguments go along ({{.Metric "id"}}).
		if recv, name, ok := splitField(cmd.Args[0]); ok {
			args := append([]parse.Node{ident(fnID), recv, str(name)}, cmd.Args[1:]...)
			return &parse.PipeNode{NodeType: parse.NodePipe, Cmds: []*parse.CommandNode{command(args...)}}
		}
		// A function: the first field among its arguments ({{amount .Fees}}).
		for _, a := range cmd.Args[1:] {
			if recv, name, ok := splitField(a); ok {
				return &parse.PipeNode{NodeType: parse.NodePipe, Cmds: []*parse.CommandNode{command(ident(fnID), recv, str(name))}}
			}
		}
	}
	return str("")
}

// splitField splits .A.B or $x.A.B into its receiver (. or .A, $x or
// $x.A) and its last name.
func splitField(n parse.Node) (recv parse.Node, name string, ok bool) {
	switch n := n.(type) {
	case *parse.FieldNode:
		last := len(n.Ident) - 1
		if last == 0 {
			return &parse.DotNode{NodeType: parse.NodeDot}, n.Ident[0], true
		}
		return &parse.FieldNode{NodeType: parse.NodeField, Ident: n.Ident[:last]}, n.Ident[last], true
	case *parse.VariableNode:
		last := len(n.Ident) - 1
		if last == 0 {
			return nil, "", false // a bare variable: where its value came from is not known
		}
		return &parse.VariableNode{NodeType: parse.NodeVariable, Ident: n.Ident[:last]}, n.Ident[last], true
	}
	return nil, "", false
}

func command(args ...parse.Node) *parse.CommandNode {
	return &parse.CommandNode{NodeType: parse.NodeCommand, Args: args}
}

func ident(name string) parse.Node { return parse.NewIdentifier(name) }

func str(s string) parse.Node {
	return &parse.StringNode{NodeType: parse.NodeString, Quoted: strconv.Quote(s), Text: s}
}
