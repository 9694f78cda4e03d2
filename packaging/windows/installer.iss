; Inno Setup 6 script for Plan Oświaty.
;
; Built by packaging\build_windows.ps1, which reads app\version.py (the one
; version source) and passes it here:
;   ISCC /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 /DAppName="Plan Oświaty"
;        /DAppPublisher="Plan Oświaty" /DSourceDir=build\dist\plan-oswiaty
;        /DOutputDir=build\installer packaging\windows\installer.iss
;
; Installs for the current user without administrator rights by default (into
; %LOCALAPPDATA%\Programs); the first page lets someone with rights install for
; all users instead. The user's data (%LOCALAPPDATA%\plan-oswiaty) is never
; touched by installing, upgrading or uninstalling.

#ifndef AppVersion
  #error Pass /DAppVersion=... (packaging\build_windows.ps1 reads it from app\version.py)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif
#ifndef AppName
  #define AppName "Plan Oświaty"
#endif
#ifndef AppPublisher
  #define AppPublisher "Plan Oświaty"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\dist\plan-oswiaty"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\build\installer"
#endif

#define ExeName "plan-oswiaty.exe"
#define ExchangeExt ".planoswiaty"
#define ExchangeProgId "PlanOswiaty.ExchangeFile"
; The same id as ui\application.py APP_USER_MODEL_ID: taskbar and shortcuts group together.
#define AppUserModelId "PlanOswiaty.PlanOswiaty"
#define Icons "..\..\resources\icons"

[Setup]
; Never change AppId: Windows recognises upgrades and the uninstaller by it.
AppId={{318E66C4-070D-412D-AE62-B912C928D44D}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=© {#AppPublisher}
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoCompany={#AppPublisher}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} — instalator
; Per user, no administrator rights; an administrator may choose "for all users".
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Plan Oswiaty
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
SetupIconFile={#Icons}\plan-oswiaty.ico
UninstallDisplayIcon={app}\{#ExeName}
UninstallDisplayName={#AppName} {#AppVersion}
ChangesAssociations=yes
; Closes a running copy before an upgrade replaces its files (Restart Manager).
CloseApplications=yes
RestartApplications=no
WizardStyle=modern
ShowLanguageDialog=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
Compression=lzma2/max
SolidCompression=yes
OutputDir={#OutputDir}
OutputBaseFilename=Plan-Oswiaty-{#AppVersion}-setup

[Languages]
Name: "pl"; MessagesFile: "compiler:Languages\Polish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
pl.ExchangeFileType=Plik wymiany Plan Oświaty
en.ExchangeFileType=Plan Oświaty exchange file
pl.ShortcutComment=Plan rozwoju oświaty, HDR i monitoring
en.ShortcutComment=Education development plan, HDR and monitoring
pl.DataKept=Twoje dane nie zostały usunięte (plan, kopie zapasowe, dzienniki i raporty o błędach). Znajdują się w folderze:%n%n%1%n%nJeśli zainstalujesz program ponownie, znajdzie je tam. Gdy nie są już potrzebne, możesz usunąć ten folder ręcznie.
en.DataKept=Your data has not been removed (plans, backups, logs and crash reports). It is in this folder:%n%n%1%n%nIf you install the program again, it will find it there. When you no longer need it, you can delete the folder yourself.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Icons}\plan-oswiaty-file.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#ExeName}"; Comment: "{cm:ShortcutComment}"; AppUserModelID: "{#AppUserModelId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#ExeName}"; Comment: "{cm:ShortcutComment}"; AppUserModelID: "{#AppUserModelId}"; Tasks: desktopicon

[Registry]
; The exchange file: its own type, icon and "open" command. HKA is HKCU for a
; per-user install and HKLM for an all-users one. A double click runs
;   plan-oswiaty.exe --import-file "C:\...\plik.planoswiaty"
; which opens the window and the import dialog for that file.
Root: HKA; Subkey: "Software\Classes\{#ExchangeExt}"; ValueType: string; ValueName: ""; ValueData: "{#ExchangeProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ExchangeExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ExchangeProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ExchangeProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ExchangeFileType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ExchangeProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\plan-oswiaty-file.ico,0"
Root: HKA; Subkey: "Software\Classes\{#ExchangeProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#ExeName}"" --import-file ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#ExeName}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#ExeName}\SupportedTypes"; ValueType: string; ValueName: "{#ExchangeExt}"; ValueData: ""

[Run]
Filename: "{app}\{#ExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes only what it installed. The
; data folder, and a portable dane\ folder someone made beside the program, stay.

[Code]
function DataFolder(): String;
begin
  { platformdirs.user_data_dir("plan-oswiaty", appauthor=False): app\paths.py }
  Result := ExpandConstant('{localappdata}\plan-oswiaty');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Text: String;
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataFolder()) and not UninstallSilent() then
  begin
    Text := CustomMessage('DataKept');
    StringChangeEx(Text, '%n', #13#10, True);
    MsgBox(FmtMessage(Text, [DataFolder()]), mbInformation, MB_OK);
  end;
end;
