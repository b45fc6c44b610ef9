;;; policylint.el --- drive Eglot against the Policylint language server, in batch -*- lexical-binding: t -*-
;; Loads the Eglot snippet docs/editors.md documents (extracted by test/e2e/emacs.e2e.ts), opens a draft as a
;; user would, then records what Eglot saw as JSON for that test to check.
;; Run: emacs --batch -l test/e2e/emacs/policylint.el
;; Env: POLICYLINT_CONFIG (the snippet), POLICYLINT_DRAFT (a draft to visit), POLICYLINT_RESULT (JSON out)
(require 'json)
(require 'eglot)
(require 'markdown-mode)

(defvar policylint-result nil "Alist written as JSON at the end.")
(defun policylint-record (key value) (push (cons key value) policylint-result))

(defun policylint-wait (predicate what)
  "Process server output until PREDICATE holds; fail after 20 s, naming WHAT."
  (with-timeout (20 (error "Timed out waiting for %s" what))
    (while (not (funcall predicate)) (accept-process-output nil 0.05))))

(defun policylint-codes ()
  (sort (mapcar (lambda (diagnostic)
                  (plist-get (cdr (assoc 'eglot-lsp-diag (eglot--diag-data diagnostic))) :code))
                (flymake-diagnostics))
        #'string<))

(defun policylint-hover-at (text)
  (goto-char (point-min))
  (search-forward text)
  (goto-char (match-beginning 0))
  (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams))))
    (and hover (eglot--hover-info (plist-get hover :contents)))))

(condition-case err
    (progn
      (load (getenv "POLICYLINT_CONFIG") nil t)
      (find-file (getenv "POLICYLINT_DRAFT"))
      (policylint-record 'mode (symbol-name major-mode))
      ;; `eglot-ensure' connects after the next command; in batch there is none, so run the hook once.
      (run-hooks 'post-command-hook)
      (policylint-wait #'eglot-current-server "Eglot to connect")
      (policylint-wait (lambda () (= 3 (length (flymake-diagnostics)))) "three findings")
      (policylint-record 'codes (vconcat (policylint-codes)))
      (policylint-record 'messages (vconcat (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
      (policylint-record 'hover_term (policylint-hover-at "新质生产力以"))
      (policylint-record 'hover_citation (policylint-hover-at "[1]"))
      ;; `M-x eglot-code-actions' with point on the marker, minus the menu.
      (goto-char (point-min))
      (search-forward "关注[3]")
      (goto-char (- (point) 2))
      (let* ((actions (eglot-code-actions (point) nil))
             (stub (seq-find (lambda (action) (string-match-p "\\[3\\]" (plist-get action :title))) actions)))
        (policylint-record 'action_titles (vconcat (mapcar (lambda (action) (plist-get action :title)) actions)))
        (unless stub (error "No code action for [3]"))
        (eglot--apply-workspace-edit (plist-get stub :edit)))
      (let ((inhibit-message t)) (save-buffer))
      (policylint-wait (lambda () (not (member "dangling-citation" (policylint-codes)))) "the fixed finding to go")
      (policylint-record 'codes_after_fix (vconcat (policylint-codes)))
      (policylint-record 'stderr (with-current-buffer (jsonrpc-stderr-buffer (eglot-current-server)) (buffer-string)))
      (eglot-shutdown (eglot-current-server)))
  (error (policylint-record 'error (error-message-string err))))

(with-temp-file (getenv "POLICYLINT_RESULT")
  (insert (json-encode policylint-result)))
