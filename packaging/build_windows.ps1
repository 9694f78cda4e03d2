# Build the Windows installer of Plan Oswiaty, step by step (see packaging/README.md).
#
#   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1
#
# 1. installs the locked environment (uv sync --locked)
# 2. reads the version, name and publisher from app\version.py
# 3. freezes the program with PyInstaller (packaging\plan-oswiaty.spec, onedir)
# 4. runs the frozen program's smoke test (packaging\smoke_test.py)
# 5. compiles the installer with Inno Setup 6 (packaging\windows\installer.iss)
# 6. zips a portable copy (with the plan-oswiaty.portable marker)
#
# Output: build\installer\Plan-Oswiaty-<version>-setup.exe and
#         build\installer\Plan-Oswiaty-<version>-portable.zip
# This file is ASCII on purpose: Windows PowerShell 5.1 reads scripts as ANSI.
[CmdletBinding()]
param(
    # Full path of ISCC.exe when Inno Setup is not in a usual place.
    [string]$InnoSetup = "",
    # Skip step 4 (not recommended).
    [switch]$SkipSmokeTest
)
$ErrorActionPreference = "Stop"
$root = (Resolve-Path (Join-Path $PSScriptRoot "..")).Path
Set-Location $root
$env:UV_PYTHON_DOWNLOADS = "never"
$env:PYTHONUTF8 = "1"

function Invoke-Step([string]$What, [scriptblock]$Command) {
    Write-Host "==> $What" -ForegroundColor Cyan
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

function Find-InnoSetup {
    if ($InnoSetup) { return $InnoSetup }
    $candidates = @(
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    )
    foreach ($path in $candidates) { if (Test-Path $path) { return $path } }
    $onPath = Get-Command iscc.exe -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    throw "Inno Setup 6 not found: install it (winget install JRSoftware.InnoSetup) or pass -InnoSetup"
}

Invoke-Step "1. Environment (uv sync --locked)" { uv sync --locked }

# 2. The one version source. ASCII-escaped JSON survives any console code page.
$json = uv run --locked python -c "import json, app.version as v; print(json.dumps({'version': v.__version__, 'name': v.APP_NAME, 'publisher': v.PUBLISHER, 'id': v.APP_ID}))"
if ($LASTEXITCODE -ne 0) { throw "cannot read app\version.py" }
$app = $json | ConvertFrom-Json
$numeric = ((([regex]::Match($app.version, '^\d+(\.\d+)*').Value -split '\.') + @('0', '0', '0', '0'))[0..3]) -join '.'
Write-Host "==> 2. $($app.id) $($app.version) ($numeric)" -ForegroundColor Cyan

$build = Join-Path $root "build"
$bundle = Join-Path $build "dist\$($app.id)"
$output = Join-Path $build "installer"
Invoke-Step "3. PyInstaller (onedir)" {
    uv run --locked pyinstaller --noconfirm --clean --distpath "$build\dist" --workpath "$build\work" packaging\plan-oswiaty.spec
}
$size = (Get-ChildItem $bundle -Recurse -File | Measure-Object -Property Length -Sum).Sum
Write-Host ("    bundle: {0:N1} MB in {1}" -f ($size / 1MB), $bundle)

if (-not $SkipSmokeTest) {
    $env:QT_QPA_PLATFORM = "offscreen"
    Invoke-Step "4. Smoke test of the frozen program" {
        uv run --locked python packaging\smoke_test.py $bundle --json "$build\smoke.json"
    }
    Remove-Item Env:\QT_QPA_PLATFORM
}

$iscc = Find-InnoSetup
New-Item -ItemType Directory -Force -Path $output | Out-Null
Invoke-Step "5. Inno Setup ($iscc)" {
    & $iscc /Qp "/DAppVersion=$($app.version)" "/DAppVersionNumeric=$numeric" `
        "/DAppName=$($app.name)" "/DAppPublisher=$($app.publisher)" `
        "/DSourceDir=$bundle" "/DOutputDir=$output" packaging\windows\installer.iss
}

Write-Host "==> 6. Portable copy" -ForegroundColor Cyan
$portable = Join-Path $build "portable\Plan Oswiaty"
if (Test-Path $portable) { Remove-Item -Recurse -Force $portable }
New-Item -ItemType Directory -Force -Path $portable | Out-Null
Copy-Item -Recurse -Path "$bundle\*" -Destination $portable
New-Item -ItemType File -Path (Join-Path $portable "$($app.id).portable") | Out-Null
$zip = Join-Path $output "Plan-Oswiaty-$($app.version)-portable.zip"
if (Test-Path $zip) { Remove-Item $zip }
Compress-Archive -Path $portable -DestinationPath $zip

Get-ChildItem $output | ForEach-Object { Write-Host ("    {0}  {1:N1} MB" -f $_.Name, ($_.Length / 1MB)) }
