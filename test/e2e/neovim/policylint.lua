-- Drives Neovim's built-in LSP client against the Policylint language server, configured by the snippet
-- docs/editors.md documents for Neovim 0.7 (extracted by test/e2e/neovim.e2e.ts), then writes what it saw as
-- JSON for that test to check. Neovim 0.7 API only: vim.lsp.start_client + buf_attach_client.
-- Run: nvim --headless --clean -c "luafile test/e2e/neovim/policylint.lua"
-- Env: POLICYLINT_CONFIG (the snippet, a Lua file), POLICYLINT_DRAFT (a draft to edit), POLICYLINT_RESULT (JSON out)
local config = assert(os.getenv('POLICYLINT_CONFIG'), 'POLICYLINT_CONFIG')
local draft = assert(os.getenv('POLICYLINT_DRAFT'), 'POLICYLINT_DRAFT')
local result_path = assert(os.getenv('POLICYLINT_RESULT'), 'POLICYLINT_RESULT')
local TIMEOUT = 15000

local result = { messages = {}, errors = {} }

local function finish()
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

local function fail(message)
  table.insert(result.errors, message)
  finish()
end

-- Anything the client reports to the user (a rejected message, a failed handler, a server that quit) lands here.
local notify = vim.notify
vim.notify = function(message, level, opts)
  if level and level >= vim.log.levels.WARN then table.insert(result.errors, 'notify: ' .. tostring(message)) end
  return notify(message, level, opts)
end
vim.lsp.handlers['window/showMessage'] = function(_, params)
  table.insert(result.messages, params)
  if params.type == 1 then table.insert(result.errors, 'showMessage error: ' .. params.message) end
end

-- Watch the client the documented snippet starts: record its configuration and how its server exits.
local start_client = vim.lsp.start_client
vim.lsp.start_client = function(client_config)
  local on_exit = client_config.on_exit
  client_config.on_exit = function(code, signal, ...)
    result.exit = { code = code, signal = signal }
    if on_exit then return on_exit(code, signal, ...) end
  end
  result.started = (result.started or 0) + 1
  return start_client(client_config)
end

local function diagnostics_of(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, message = d.message, severity = d.severity, source = d.source,
      code = d.code or lsp.code, href = (lsp.codeDescription or {}).href,
    })
  end
  return list
end

local function has_code(bufnr, code)
  for _, d in ipairs(diagnostics_of(bufnr)) do
    if d.code == code then return true end
  end
  return false
end

dofile(config)
vim.cmd('edit ' .. vim.fn.fnameescape(draft))
local bufnr = vim.api.nvim_get_current_buf()
result.filetype = vim.bo[bufnr].filetype
-- A client joins the buffer's list once its server has answered `initialize`.
local client
vim.wait(TIMEOUT, function()
  for _, candidate in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if candidate.name == 'policylint' then client = candidate end
  end
  return client ~= nil
end, 20)
if not client then return fail('the documented configuration did not attach a policylint client to the draft') end
vim.cmd('edit ' .. vim.fn.fnameescape(vim.fn.fnamemodify(draft, ':h') .. '/other.md'))
vim.cmd('buffer ' .. bufnr)
result.attached_other = vim.lsp.buf_is_attached(vim.fn.bufnr('other.md'), client.id)

if not vim.wait(TIMEOUT, function() return client.initialized and #vim.diagnostic.get(bufnr) > 0 end, 20) then
  return fail('no diagnostics within ' .. TIMEOUT .. ' ms')
end
result.diagnostics = diagnostics_of(bufnr)

local uri = vim.uri_from_bufnr(bufnr)
local function find(text)
  for lnum, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local byte = line:find(text, 1, true)
    if byte then
      -- LSP positions count UTF-16 code units; Neovim columns count bytes.
      return { line = lnum - 1, character = vim.str_utfindex(line, byte - 1) }
    end
  end
  error('draft lost ' .. text)
end

local function request(method, params)
  local responses, err = client.request_sync(method, params, TIMEOUT, bufnr)
  if not responses then error(method .. ': ' .. tostring(err)) end
  if responses.err then error(method .. ': ' .. vim.inspect(responses.err)) end
  return responses.result
end

local function hover_text(text)
  local hover = request('textDocument/hover', { textDocument = { uri = uri }, position = find(text) })
  if not hover then return vim.NIL end
  return table.concat(vim.lsp.util.convert_input_to_markdown_lines(hover.contents), '\n')
end

local ok, err = pcall(function()
  result.hover_term = hover_text('新质生产力以')
  result.hover_citation = hover_text('[1]')

  -- First the request `vim.lsp.buf.code_action()` sends in Neovim 0.7 with the cursor on the marker: the
  -- cursor as the range and the line's diagnostics as the context, whose columns 0.7 leaves in bytes.
  local cursor = find('[3]')
  local function titles(diagnostics)
    local list = {}
    local actions = request('textDocument/codeAction', {
      textDocument = { uri = uri },
      range = { start = cursor, ['end'] = cursor },
      context = { diagnostics = diagnostics },
    })
    for _, action in ipairs(actions or {}) do table.insert(list, action.title) end
    return list, actions or {}
  end
  result.action_titles_bytes = titles(vim.lsp.diagnostic.get_line_diagnostics(bufnr, cursor.line))

  -- Then the same diagnostics with UTF-16 columns, as the server published them (what later Neovims send).
  local line = vim.api.nvim_buf_get_lines(bufnr, cursor.line, cursor.line + 1, false)[1]
  local exact = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = cursor.line })) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(exact, {
      range = {
        start = { line = d.lnum, character = vim.str_utfindex(line, d.col) },
        ['end'] = { line = d.end_lnum, character = vim.str_utfindex(line, d.end_col) },
      },
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code, data = lsp.data,
    })
  end
  local list, actions = titles(exact)
  result.action_titles = list
  local chosen
  for _, action in ipairs(actions) do
    if action.title:find('stub reference entry', 1, true) or action.title:find('待补充的参考文献条目', 1, true) then chosen = action end
  end
  if not chosen then error('no stub-entry code action') end
  if not chosen.edit and chosen.data then chosen = request('codeAction/resolve', chosen) end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  result.text_after_fix = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')

  -- Findings are re-checked on save by default; the fixed citation must go away.
  vim.cmd('write')
  if not vim.wait(TIMEOUT, function() return not has_code(bufnr, 'dangling-citation') end, 20) then
    error('dangling-citation still reported after saving the fix')
  end
  result.diagnostics_after_fix = diagnostics_of(bufnr)
end)
if not ok then table.insert(result.errors, tostring(err)) end

client.stop()
vim.wait(TIMEOUT, function() return result.exit ~= nil end, 20)
finish()
