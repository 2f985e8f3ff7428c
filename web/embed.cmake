# The worker's script as a JavaScript string (var DFDX_WORKER_SRC = "..."): a page opened from
# disk loads it with a <script> tag and starts the worker from a Blob of it.
file(READ ${IN} src)
string(REPLACE "\\" "\\\\" src "${src}")
string(REPLACE "\"" "\\\"" src "${src}")
string(REPLACE "\n" "\\n" src "${src}")
string(REPLACE "\r" "\\r" src "${src}")
string(REPLACE "</" "<\\/" src "${src}")
file(WRITE ${OUT} "var DFDX_WORKER_SRC = \"${src}\";\n")
