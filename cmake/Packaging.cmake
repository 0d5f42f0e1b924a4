# Desktop integration and packaging: where `cmake --install` puts the desktop entry, the AppStream
# metainfo and the icons, and how CPack builds the Debian package (`cpack -G DEB` in a build dir).
# Included once from the top-level CMakeLists.txt, after the targets exist.
include(GNUInstallDirs)

set(VIGIL_APP_ID "io.github.vigil_desktop.Vigil")
set(VIGIL_ICON_SIZES 16 24 32 48 64 128 256 512)

if(UNIX AND NOT APPLE)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/desktop/${VIGIL_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${PROJECT_SOURCE_DIR}/resources/desktop/${VIGIL_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    foreach(size IN LISTS VIGIL_ICON_SIZES)
        install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/apps/${VIGIL_APP_ID}.png"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps")
    endforeach()
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/vigil.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps"
        RENAME "${VIGIL_APP_ID}.svg")
endif()

# ---------------------------------------------------------------------------
# CPack. Binary packages hold only what the install rules above and in src/ put in place.
set(CPACK_PACKAGE_NAME "vigil")
set(CPACK_PACKAGE_VENDOR "The Vigil authors")
set(CPACK_PACKAGE_CONTACT "The Vigil authors <https://github.com/vigil-desktop/vigil/issues>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Vigil")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
if(NOT EXISTS "${CPACK_RESOURCE_FILE_LICENSE}")
    unset(CPACK_RESOURCE_FILE_LICENSE)
endif()
# Release packages carry no debug information (RelWithDebInfo binaries are several times larger).
set(CPACK_STRIP_FILES ON)
set(CPACK_THREADS 0)

# Source packages: the tree without build output and version control.
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build/" "/\\\\.cache/" "CMakeUserPresets\\\\.json$")

# Debian: vigil_<version>_<arch>.deb. dpkg-shlibdeps finds the libraries the binaries link; the
# explicit Depends name what Vigil loads at run time, which shlibdeps cannot see:
#   qt6-qpa-plugins           the xcb platform plugin (and the other QPA plugins)
#   libqt6svg6                the SVG icon engine and image format plugins (the window icon is SVG)
#   libqt6webenginecore6-bin  QtWebEngineProcess, started by every WebEngine view
#   libsecret-1-0             dlopened by QtKeychain to reach the Secret Service
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, libqt6webenginecore6-bin, libsecret-1-0")
# A Secret Service provider keeps sign-ins across restarts (without one Vigil says "memory only").
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-wayland, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# The summary becomes the first line; CPack indents the rest and turns empty lines into " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION [=[Vigil signs in with Microsoft Entra ID, lists, filters and triages the security
alerts and incidents of Microsoft Graph, and reports changes as they happen.

The package also contains graphsim, a local simulator of Microsoft Graph and of
its sign-in service, which Vigil's demo mode (vigil --demo) uses.]=])

include(CPack)

if(VIGIL_BUILD_TESTS)
    add_subdirectory(tests/packaging)
endif()
