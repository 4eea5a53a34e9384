package sitetest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

// ReadTree returns every file below dir, by slash path.
func ReadTree(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	return files, err
}

// CILines returns the shell lines of a CI file's job, or of all its jobs
// when job is "": each line of a GitHub step's run, each entry of a GitLab
// job's script and before_script. GitHub workflows keep their jobs under
// "jobs".
func CILines(file, job string) ([]string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	var node any = doc
	if job != "" {
		jobs := doc
		if j, isGitHub := doc["jobs"].(map[string]any); isGitHub {
			jobs = j
		}
		var ok bool
		if node, ok = jobs[job]; !ok {
			return nil, fmt.Errorf("%s has no job %q", file, job)
		}
	}
	var lines []string
	scripts(node, &lines)
	return lines, nil
}

// scripts collects every shell line of a CI file's run and script entries.
func scripts(v any, out *[]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "run" {
				*out = append(*out, strings.Split(strings.TrimSpace(s), "\n")...)
			}
			if list, ok := x.([]any); ok && (k == "script" || k == "before_script") {
				for _, l := range list {
					if s, ok := l.(string); ok {
						*out = append(*out, s)
					}
				}
			}
			scripts(x, out)
		}
	case []any:
		for _, x := range v {
			scripts(x, out)
		}
	}
}
