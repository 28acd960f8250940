; Inno Setup script: an installer of the one-folder bundle, built on Windows.
;   py -3.11 packaging\build_bundle.py        (dist\lms365-desktop\ and build\icons\lms365-desktop.ico)
;   iscc /DAppVersion=0.1.0 packaging\windows\lms365-desktop.iss   (dist\lms365-desktop-0.1.0-setup.exe)
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Root "..\.."

[Setup]
; The AppId identifies the product across versions (upgrades, uninstall); never change it.
AppId={{6F0B7C51-3E1B-4C52-9D5A-8C1A2E365D01}
AppName=LMS365 Desktop
AppVersion={#AppVersion}
AppPublisher=The LMS365 Desktop developers
AppPublisherURL=https://github.com/lms365-desktop/lms365-desktop
DefaultDirName={autopf}\LMS365 Desktop
DefaultGroupName=LMS365 Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=lms365-desktop-{#AppVersion}-setup
SetupIconFile={#Root}\build\icons\lms365-desktop.ico
UninstallDisplayIcon={app}\lms365-desktop.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\lms365-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; AppUserModelID: the same id as the Linux desktop file, so the taskbar groups the app's windows.
Name: "{autoprograms}\LMS365 Desktop"; Filename: "{app}\lms365-desktop.exe"; AppUserModelID: "org.lms365desktop.LMS365Desktop"
Name: "{autodesktop}\LMS365 Desktop"; Filename: "{app}\lms365-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\lms365-desktop.exe"; Description: "{cm:LaunchProgram,LMS365 Desktop}"; Flags: nowait postinstall skipifsilent
